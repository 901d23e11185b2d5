/**
 * Importing people, upserted by person number (编号); rows without one are created and
 * numbered by the database. A person may move to another node when both places are
 * within the importer's reach. Accounts are never created or changed by an import.
 */
import { diffFields } from '../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../platform/context.js';
import { changedFields } from '../commands/guard.js';
import { personAuditFields } from '../commands/person-creator.js';
import { nodesByCodes, type NodeRow } from '../org.repo.js';
import { insertPeople, peopleByCodes, updatePerson, type NewPerson, type PersonView } from '../people.repo.js';
import { columnsOf, genderLabels, parseLabel, parseYesNo } from './columns.js';
import { CODE, PHONE, RowErrors, indexUnique, type ImportAccess, type ImportOutcome } from './import-support.js';
import type { Sheet } from './sheet-reader.js';

const H = Object.fromEntries(columnsOf.people.map((c) => [c.key, c.header])) as Record<string, string>;

interface PersonIn {
  line: number;
  code: string | null;
  nodeCode: string;
  person: Omit<NewPerson, 'nodeId'>;
}

function parseRow(line: number, c: Record<string, string>, errors: RowErrors): PersonIn | null {
  const code = c.code || null;
  const gender = c.gender ? parseLabel(genderLabels, c.gender) : null;
  const partyMember = parseYesNo(c.partyMember ?? '');
  if (code !== null && !CODE.test(code)) errors.add(line, H.code!, 'import_bad_code');
  if (!c.name) errors.add(line, H.name!, 'import_required');
  else if (c.name.length > 50) errors.add(line, H.name!, 'import_cell_too_long');
  if (!c.nodeCode) errors.add(line, H.nodeCode!, 'import_required');
  else if (!CODE.test(c.nodeCode)) errors.add(line, H.nodeCode!, 'import_bad_code');
  if (c.phone && !PHONE.test(c.phone)) errors.add(line, H.phone!, 'import_bad_phone');
  if (gender === undefined) errors.add(line, H.gender!, 'import_bad_value', { allowed: Object.values(genderLabels).join('、') });
  if (partyMember === undefined) errors.add(line, H.partyMember!, 'import_bad_value', { allowed: '是、否' });
  if (errors.has(line) || gender === undefined || partyMember === undefined) return null;
  return { line, code, nodeCode: c.nodeCode!, person: { code: code ?? undefined, name: c.name!, phone: c.phone || null, gender, partyMember, note: c.note || null } };
}

async function validate(ctx: CommandContext, sheet: Sheet, access: ImportAccess) {
  const errors = new RowErrors(sheet.errors);
  const rows = sheet.rows.flatMap((r) => parseRow(r.line, r.cells, errors) ?? []);
  indexUnique(rows, (r) => r.code, errors, H.code!);
  const nodes = new Map<string, NodeRow>((await nodesByCodes(ctx.tx, [...new Set(rows.map((r) => r.nodeCode))])).map((n) => [n.code, n]));
  const codes = rows.flatMap((r) => (r.code ? [r.code] : []));
  const existing = new Map<string, PersonView>((await peopleByCodes(ctx.tx, codes)).map((p) => [p.code, p]));
  for (const r of rows) {
    if (errors.has(r.line)) continue;
    const node = nodes.get(r.nodeCode);
    const before = r.code ? existing.get(r.code) : undefined;
    if (!node || !access.allowed(node.path)) errors.add(r.line, H.nodeCode!, 'import_unknown_code');
    else if (before && !access.allowed(before.nodePath)) errors.add(r.line, H.code!, 'import_code_unavailable');
  }
  errors.throwIfAny();
  return { rows, nodes, existing };
}

/** Imports people; returns what changed (for the audit entry). */
export async function importPeople(ctx: CommandContext, sheet: Sheet, access: ImportAccess): Promise<ImportOutcome> {
  const { rows, nodes, existing } = await validate(ctx, sheet, access);
  const outcome: ImportOutcome = { created: [], updated: {}, unchanged: 0 };
  const fresh = rows.filter((r) => !r.code || !existing.has(r.code));
  const created = await insertPeople(ctx.tx, fresh.map((r) => ({ ...r.person, nodeId: nodes.get(r.nodeCode)!.id })), ctx.now);
  outcome.created = created.map((c) => c.code);
  for (const r of rows) {
    const before = r.code ? existing.get(r.code) : undefined;
    if (!before) continue;
    const { code: _code, ...fields } = r.person;
    const patch = changedFields(before, { ...fields, nodeId: nodes.get(r.nodeCode)!.id });
    if (Object.keys(patch).length === 0) {
      outcome.unchanged++;
      continue;
    }
    await updatePerson(ctx.tx, before.id, patch, ctx.now);
    outcome.updated[before.code] = diffFields(personAuditFields(before), personAuditFields({ ...before, ...patch }));
  }
  return outcome;
}
