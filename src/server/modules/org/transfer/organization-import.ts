/**
 * Importing organizations, upserted by code. Every rule of the API applies to the state
 * the file would produce: party chain (parents from the file or the database, cycles
 * refused), charters, and what depends on existing organizations (their children, the
 * responsibility list). Nothing is written unless every row passes.
 */
import { diffFields } from '../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../platform/context.js';
import { changedFields, pick } from '../commands/guard.js';
import { nodesByCodes, type NodeRow } from '../org.repo.js';
import { childOrgs, insertOrgs, orgsByCodes, updateOrg, type NewOrg, type OrgView } from '../organization.repo.js';
import { responsibilitiesOfOrg } from '../responsibility.repo.js';
import { chainParentProblem, charterProblem, partyLevelProblem, responsibilityProblem, splitCategories, type ChainOrg } from '../org.rules.js';
import type { OrgKind, PartyLevel } from '../org.tables.js';
import { ACTIVE, INACTIVE, columnsOf, orgKindLabels, parseLabel, partyLevelLabels } from './columns.js';
import { CODE, PHONE, RowErrors, indexUnique, type ImportAccess, type ImportOutcome } from './import-support.js';
import type { Sheet } from './sheet-reader.js';

const H = Object.fromEntries(columnsOf.organizations.map((c) => [c.key, c.header])) as Record<string, string>;

interface OrgIn {
  line: number;
  code: string;
  name: string;
  kind: OrgKind;
  partyLevel: PartyLevel | null;
  nodeCode: string;
  parentCode: string | null;
  categories: string[];
  charterNodeCode: string | null;
  phone: string | null;
  active: boolean;
}

function parseActive(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (t === '' || t === ACTIVE || t === 'true' || t === 'active') return true;
  if (t === INACTIVE || t === 'false' || t === 'inactive') return false;
  return undefined;
}

function parseRow(line: number, c: Record<string, string>, errors: RowErrors): OrgIn | null {
  const code = c.code ?? '';
  const kind = parseLabel(orgKindLabels, c.kind ?? '');
  const partyLevel = c.partyLevel ? parseLabel(partyLevelLabels, c.partyLevel) : null;
  const active = parseActive(c.active ?? '');
  const categories = splitCategories(c.charterCategories ?? '');
  const refs = { nodeCode: c.nodeCode ?? '', parentCode: c.parentCode || null, charterNodeCode: c.charterNodeCode || null };
  if (!CODE.test(code)) errors.add(line, H.code!, code ? 'import_bad_code' : 'import_required');
  if (!c.name) errors.add(line, H.name!, 'import_required');
  else if (c.name.length > 100) errors.add(line, H.name!, 'import_cell_too_long');
  if (!kind) errors.add(line, H.kind!, 'import_bad_value', { allowed: Object.values(orgKindLabels).join('、') });
  if (partyLevel === undefined) errors.add(line, H.partyLevel!, 'import_bad_value', { allowed: Object.values(partyLevelLabels).join('、') });
  else if (kind && partyLevelProblem(kind, partyLevel)) errors.add(line, H.partyLevel!, partyLevelProblem(kind, partyLevel)!);
  for (const key of ['nodeCode', 'parentCode', 'charterNodeCode'] as const) {
    const v = refs[key];
    if (key === 'nodeCode' && !v) errors.add(line, H[key]!, 'import_required');
    else if (v && !CODE.test(v)) errors.add(line, H[key]!, 'import_bad_code');
  }
  if (categories.length > 50 || categories.some((s) => s.length > 50)) errors.add(line, H.charterCategories!, 'import_cell_too_long');
  if (c.phone && !PHONE.test(c.phone)) errors.add(line, H.phone!, 'import_bad_phone');
  if (active === undefined) errors.add(line, H.active!, 'import_bad_value', { allowed: `${ACTIVE}、${INACTIVE}` });
  if (errors.has(line) || !kind || partyLevel === undefined || active === undefined) return null;
  return { line, code, name: c.name!, kind, partyLevel, ...refs, categories, phone: c.phone || null, active };
}

/** An organization as the file would leave it. */
type Final = ChainOrg & { active: boolean; parentCode: string | null; fromFile: boolean };

interface State {
  file: Map<string, OrgIn>;
  orgs: Map<string, OrgView>;
  nodes: Map<string, NodeRow>;
}

function finalOf(s: State, code: string): Final | null {
  const r = s.file.get(code);
  if (r) {
    const node = s.nodes.get(r.nodeCode);
    return node ? { kind: r.kind, partyLevel: r.partyLevel, nodePath: node.path, active: r.active, parentCode: r.parentCode, fromFile: true } : null;
  }
  const o = s.orgs.get(code);
  return o ? { kind: o.kind, partyLevel: o.partyLevel, nodePath: o.nodePath, active: o.active, parentCode: o.parentOrgCode, fromFile: false } : null;
}

function checkParent(s: State, r: OrgIn, nodePath: string, access: ImportAccess, errors: RowErrors): void {
  if (r.parentCode === null) return;
  const p = finalOf(s, r.parentCode);
  if (!p || (!p.fromFile && !nodePath.startsWith(p.nodePath) && !access.allowed(p.nodePath))) return errors.add(r.line, H.parentCode!, 'import_unknown_code');
  const problem = chainParentProblem({ kind: r.kind, partyLevel: r.partyLevel, nodePath }, p);
  if (problem) return errors.add(r.line, H.parentCode!, problem);
  if (r.active && !p.active) return errors.add(r.line, H.parentCode!, 'org_parent_inactive');
}

/** Whether following parents from the row (file first, then the database) comes back to it. */
async function inCycle(ctx: CommandContext, s: State, r: OrgIn): Promise<boolean> {
  const seen = new Set([r.code]);
  for (let code = r.parentCode, i = 0; code !== null && i < 1_000; i++) {
    if (seen.has(code)) return true;
    seen.add(code);
    if (!s.file.has(code) && !s.orgs.has(code)) {
      // Chains above the file's rows are loaded lazily (and kept) as the walk needs them.
      for (const o of await orgsByCodes(ctx.tx, [code])) s.orgs.set(o.code, o);
    }
    code = finalOf(s, code)?.parentCode ?? null;
  }
  return false;
}

async function checkRow(ctx: CommandContext, s: State, r: OrgIn, access: ImportAccess, errors: RowErrors): Promise<void> {
  const node = s.nodes.get(r.nodeCode);
  if (!node || !access.allowed(node.path)) return errors.add(r.line, H.nodeCode!, 'import_unknown_code');
  const existing = s.orgs.get(r.code);
  if (existing && !access.allowed(existing.nodePath)) return errors.add(r.line, H.code!, 'import_code_unavailable');
  if (existing && existing.nodeCode !== r.nodeCode) return errors.add(r.line, H.nodeCode!, 'import_cannot_move');
  if (existing && existing.kind !== r.kind) return errors.add(r.line, H.kind!, 'import_cannot_move');
  const area = r.charterNodeCode ? s.nodes.get(r.charterNodeCode) : null;
  if (r.charterNodeCode && !area) return errors.add(r.line, H.charterNodeCode!, 'import_unknown_code');
  const charter = charterProblem(r.kind, { categories: r.categories, areaPath: area?.path ?? null }, node.path);
  if (charter) return errors.add(r.line, charter.field === 'charterCategories' ? H.charterCategories! : H.charterNodeCode!, charter.code);
  checkParent(s, r, node.path, access, errors);
  if (!errors.has(r.line) && (await inCycle(ctx, s, r))) errors.add(r.line, H.parentCode!, 'org_parent_cycle');
}

/** Existing organizations changed by the file must keep their children and responsibility entries valid. */
async function checkDependants(ctx: CommandContext, s: State, rows: OrgIn[], errors: RowErrors): Promise<void> {
  const updated = rows.filter((r) => s.orgs.has(r.code) && !errors.has(r.line));
  const byId = new Map(updated.map((r) => [s.orgs.get(r.code)!.id, r]));
  for (const child of await childOrgs(ctx.tx, [...byId.keys()])) {
    if (s.file.has(child.code)) continue; // a child in the file is checked as its own row
    const r = byId.get(child.parentOrgId)!;
    const self = finalOf(s, r.code)!;
    if (!r.active && child.active) errors.add(r.line, H.active!, 'org_has_active_children');
    else if (chainParentProblem(child, self)) errors.add(r.line, H.partyLevel!, 'org_children_conflict');
  }
  for (const r of updated) {
    const o = s.orgs.get(r.code)!;
    if (o.active === r.active && JSON.stringify(o.charterCategories) === JSON.stringify(r.categories) && o.charterCode === r.charterNodeCode) continue;
    const entries = await responsibilitiesOfOrg(ctx.tx, o.id);
    const charterPath = r.charterNodeCode ? s.nodes.get(r.charterNodeCode)!.path : null;
    const org = { kind: r.kind, active: true, nodePath: o.nodePath, charterCategories: r.categories, charterPath };
    if (!r.active && entries.length > 0) errors.add(r.line, H.active!, 'org_has_responsibilities', { count: entries.length });
    else if (entries.some((e) => responsibilityProblem(org, e.nodePath, e.category))) errors.add(r.line, H.charterCategories!, 'charter_in_use');
  }
}

async function validate(ctx: CommandContext, sheet: Sheet, access: ImportAccess): Promise<State & { rows: OrgIn[] }> {
  const errors = new RowErrors(sheet.errors);
  const parsed = sheet.rows.flatMap((r) => parseRow(r.line, r.cells, errors) ?? []);
  const file = indexUnique(parsed, (r) => r.code, errors, H.code!);
  const orgCodes = new Set(parsed.flatMap((r) => (r.parentCode ? [r.code, r.parentCode] : [r.code])));
  const nodeCodes = new Set(parsed.flatMap((r) => (r.charterNodeCode ? [r.nodeCode, r.charterNodeCode] : [r.nodeCode])));
  const s: State = {
    file,
    orgs: new Map((await orgsByCodes(ctx.tx, [...orgCodes])).map((o) => [o.code, o])),
    nodes: new Map((await nodesByCodes(ctx.tx, [...nodeCodes])).map((n) => [n.code, n])),
  };
  for (const r of file.values()) if (!errors.has(r.line)) await checkRow(ctx, s, r, access, errors);
  await checkDependants(ctx, s, [...file.values()], errors);
  errors.throwIfAny();
  return { ...s, rows: [...file.values()] };
}

function toValues(s: State, r: OrgIn, ids: Map<string, number>): NewOrg {
  return {
    nodeId: s.nodes.get(r.nodeCode)!.id,
    kind: r.kind,
    partyLevel: r.partyLevel,
    parentOrgId: r.parentCode ? ids.get(r.parentCode)! : null,
    code: r.code,
    name: r.name,
    charterCategories: r.categories,
    charterNodeId: r.charterNodeCode ? s.nodes.get(r.charterNodeCode)!.id : null,
    phone: r.phone,
    active: r.active,
  };
}

/** Imports organizations; returns what changed (for the audit entry). */
export async function importOrganizations(ctx: CommandContext, sheet: Sheet, access: ImportAccess): Promise<ImportOutcome> {
  const s = await validate(ctx, sheet, access);
  const outcome: ImportOutcome = { created: [], updated: {}, unchanged: 0 };
  const ids = new Map([...s.orgs.values()].map((o) => [o.code, o.id]));
  // New organizations go in waves: each after the file rows it reports to.
  let pending = s.rows.filter((r) => !s.orgs.has(r.code));
  while (pending.length > 0) {
    const wave = pending.filter((r) => r.parentCode === null || ids.has(r.parentCode));
    if (wave.length === 0) throw new Error('organization import: unresolvable parents after validation');
    for (const o of await insertOrgs(ctx.tx, wave.map((r) => toValues(s, r, ids)), ctx.now)) ids.set(o.code, o.id);
    outcome.created.push(...wave.map((r) => r.code));
    pending = pending.filter((r) => !wave.includes(r));
  }
  const fields = ['partyLevel', 'parentOrgId', 'name', 'charterCategories', 'charterNodeId', 'phone', 'active'] as const;
  for (const r of s.rows) {
    const existing = s.orgs.get(r.code);
    if (!existing) continue;
    const patch = changedFields(existing, pick(toValues(s, r, ids), fields));
    if (Object.keys(patch).length === 0) {
      outcome.unchanged++;
      continue;
    }
    await updateOrg(ctx.tx, existing.id, patch, ctx.now);
    outcome.updated[r.code] = diffFields(pick(existing, fields), { ...pick(existing, fields), ...patch });
  }
  return outcome;
}
