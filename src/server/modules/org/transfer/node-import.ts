/**
 * Importing the administrative tree: rows are upserted by code (an existing code updates
 * name, kind and households; it cannot move to another parent or level). Every row is
 * validated first — against the file and the database — and only a clean file is
 * written, level by level so parents exist before their children.
 */
import { diffFields } from '../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../platform/context.js';
import { changedFields, pick } from '../commands/guard.js';
import { nodeShapeProblem } from '../commands/node-creator.js';
import { insertNodes, nodesByCodes, updateNode, type NodeRow } from '../org.repo.js';
import { nodeKindsByLevel } from '../org.rules.js';
import { nodeLevels, type NodeLevel } from '../org.tables.js';
import { columnsOf, levelLabels, parseLabel } from './columns.js';
import { CODE, RowErrors, indexUnique, type ImportAccess, type ImportOutcome } from './import-support.js';
import type { Sheet } from './sheet-reader.js';

const H = Object.fromEntries(columnsOf.nodes.map((c) => [c.key, c.header])) as Record<string, string>;

interface NodeIn {
  line: number;
  code: string;
  name: string;
  level: NodeLevel;
  kind: string;
  parentCode: string | null;
  households: number | null;
}

/** Parses one row's cells; problems go to `errors` and the row is dropped. */
function parseRow(line: number, c: Record<string, string>, errors: RowErrors): NodeIn | null {
  const code = c.code ?? '';
  const name = c.name ?? '';
  const parentCode = c.parentCode || null;
  const level = parseLabel(levelLabels, c.level ?? '');
  const households = c.households ? Number(c.households) : null;
  if (!CODE.test(code)) errors.add(line, H.code!, code ? 'import_bad_code' : 'import_required');
  if (!name) errors.add(line, H.name!, 'import_required');
  else if (name.length > 100) errors.add(line, H.name!, 'import_cell_too_long');
  if (!level) errors.add(line, H.level!, 'import_bad_value', { allowed: Object.values(levelLabels).join('、') });
  else if (!nodeKindsByLevel[level].includes(c.kind ?? '')) errors.add(line, H.kind!, 'node_kind_invalid', { allowed: nodeKindsByLevel[level].join('、') });
  if (parentCode !== null && !CODE.test(parentCode)) errors.add(line, H.parentCode!, 'import_bad_code');
  if (households !== null && !(Number.isInteger(households) && households >= 0 && households <= 1_000_000)) errors.add(line, H.households!, 'import_bad_number');
  if (errors.has(line) || !level) return null;
  return { line, code, name, level, kind: c.kind!, parentCode, households };
}

/** Where a row's parent is: in the file, in the database, or nowhere. */
type ParentRef = { row: NodeIn } | { node: NodeRow } | null;

/** Checks a new row's place: parent found and writable, level one below, no cycle through the file. */
function checkNewRow(r: NodeIn, file: Map<string, NodeIn>, db: Map<string, NodeRow & { parentCode: string | null }>, access: ImportAccess, errors: RowErrors): void {
  if (r.parentCode === null) {
    if (r.level !== 'district') errors.add(r.line, H.level!, 'node_root_level');
    else if (!access.createRoot) errors.add(r.line, H.parentCode!, 'import_root_forbidden');
    return;
  }
  const dbParent = db.get(r.parentCode);
  const parent: ParentRef = file.has(r.parentCode) ? { row: file.get(r.parentCode)! } : dbParent ? { node: dbParent } : null;
  if (!parent || ('node' in parent && !access.allowed(parent.node.path))) return errors.add(r.line, H.parentCode!, 'import_unknown_code');
  const seen = new Set([r.code]);
  for (let p: NodeIn | undefined = file.get(r.parentCode); p && !db.has(p.code); p = p.parentCode ? file.get(p.parentCode) : undefined) {
    if (seen.has(p.code)) return errors.add(r.line, H.parentCode!, 'import_cycle');
    seen.add(p.code);
  }
  const parentLevel = 'row' in parent ? parent.row.level : parent.node.level;
  const problem = nodeShapeProblem(r.level, r.kind, parentLevel);
  if (problem) errors.add(r.line, H[problem.field]!, problem.code);
}

/** Validates the whole sheet; returns the rows to write (throws a 422 listing every bad row). */
async function validate(ctx: CommandContext, sheet: Sheet, access: ImportAccess) {
  const errors = new RowErrors(sheet.errors);
  const parsed = sheet.rows.flatMap((r) => parseRow(r.line, r.cells, errors) ?? []);
  const file = indexUnique(parsed, (r) => r.code, errors, H.code!);
  const codes = new Set(parsed.flatMap((r) => (r.parentCode ? [r.code, r.parentCode] : [r.code])));
  const db = new Map((await nodesByCodes(ctx.tx, [...codes])).map((n) => [n.code, n]));
  for (const r of file.values()) {
    if (errors.has(r.line)) continue;
    const existing = db.get(r.code);
    if (!existing) checkNewRow(r, file, db, access, errors);
    else if (!access.allowed(existing.path)) errors.add(r.line, H.code!, 'import_code_unavailable');
    else if (existing.level !== r.level) errors.add(r.line, H.level!, 'import_cannot_move');
    else if (existing.parentCode !== r.parentCode) errors.add(r.line, H.parentCode!, 'import_cannot_move');
  }
  errors.throwIfAny();
  return { rows: [...file.values()], db };
}

/** Imports nodes; returns what changed (for the audit entry). */
export async function importNodes(ctx: CommandContext, sheet: Sheet, access: ImportAccess): Promise<ImportOutcome> {
  const { rows, db } = await validate(ctx, sheet, access);
  const outcome: ImportOutcome = { created: [], updated: {}, unchanged: 0 };
  const ids = new Map([...db.values()].map((n) => [n.code, n.id]));
  for (const level of nodeLevels) {
    const fresh = rows.filter((r) => r.level === level && !db.has(r.code));
    const values = fresh.map((r) => ({ parentId: r.parentCode ? ids.get(r.parentCode)! : null, level, kind: r.kind, code: r.code, name: r.name, households: r.households }));
    for (const n of await insertNodes(ctx.tx, values, ctx.now)) ids.set(n.code, n.id);
    outcome.created.push(...fresh.map((r) => r.code));
  }
  for (const r of rows) {
    const existing = db.get(r.code);
    if (!existing) continue;
    const patch = changedFields(existing, { name: r.name, kind: r.kind, households: r.households });
    if (Object.keys(patch).length === 0) {
      outcome.unchanged++;
      continue;
    }
    await updateNode(ctx.tx, existing.id, patch, ctx.now);
    const fields = ['name', 'kind', 'households'] as const;
    outcome.updated[r.code] = diffFields(pick(existing, fields), { ...pick(existing, fields), ...patch });
  }
  return outcome;
}
