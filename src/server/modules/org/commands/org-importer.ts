/**
 * Imports one spreadsheet (tree, organizations or people) in the caller's transaction:
 * every row is validated before anything is written, so a bad file changes nothing. One
 * audit entry records the file's SHA-256, what was created and each changed field.
 * Also used by the command line with `system: true` (the installation's operator).
 */
import { createHash } from 'node:crypto';
import { can, scopeOf } from '../../../platform/access/actor.js';
import { Permission } from '../../../platform/access/permission.js';
import { audit } from '../../../platform/audit/audit.js';
import type { CommandContext } from '../../../platform/context.js';
import { Forbidden } from '../../../platform/http/errors.js';
import type { Entity, Format } from '../transfer/columns.js';
import { importAccess, type ImportAccess, type ImportOutcome } from '../transfer/import-support.js';
import { importNodes } from '../transfer/node-import.js';
import { importOrganizations } from '../transfer/organization-import.js';
import { importPeople } from '../transfer/people-import.js';
import type { Sheet } from '../transfer/sheet-reader.js';
import { exportRows, type ExportRow } from '../transfer/exporter.js';

export interface OrgImporterProps {
  entity: Entity;
  format: Format;
  /** The parsed file (read before the transaction opens: parsing a large XLSX takes a while). */
  sheet: Sheet;
  /** The raw file, for its digest in the audit entry. */
  data: Buffer;
  /** Import as the installation's operator (command line), ignoring subtrees. */
  system?: boolean;
}

export interface ImportResult {
  imported: number;
  created: number;
  updated: number;
  unchanged: number;
}

const writePermission: Record<Entity, Permission> = { nodes: Permission.OrgWrite, organizations: Permission.OrgWrite, people: Permission.PeopleWrite };
const importers: Record<Entity, (ctx: CommandContext, sheet: Sheet, access: ImportAccess) => Promise<ImportOutcome>> = {
  nodes: importNodes,
  organizations: importOrganizations,
  people: importPeople,
};

/** Validates and writes the whole file, or throws a 422 listing every bad row. */
export async function orgImporter(ctx: CommandContext, props: OrgImporterProps): Promise<ImportResult> {
  const system = props.system === true;
  if (!system && !can(ctx.actor, Permission.OrgImport)) throw new Forbidden();
  const outcome = await importers[props.entity](ctx, props.sheet, importAccess(ctx.actor, system, writePermission[props.entity]));
  const updated = Object.keys(outcome.updated).length;
  await audit(ctx, {
    action: 'org.import',
    subjectType: props.entity,
    changes: {
      format: props.format,
      sha256: createHash('sha256').update(props.data).digest('hex'),
      rows: props.sheet.rows.length,
      created: outcome.created,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
    },
    scopePath: system ? null : (scopeOf(ctx.actor, Permission.OrgImport)[0] ?? null),
  });
  return { imported: outcome.created.length + updated, created: outcome.created.length, updated, unchanged: outcome.unchanged };
}

/** Reads the rows of an export and records who took which data out (people lists are personal data). */
export async function orgExporter(ctx: CommandContext, props: { entity: Entity; format: Format }): Promise<ExportRow[]> {
  const readPermission = props.entity === 'people' ? Permission.PeopleRead : Permission.OrgRead;
  if (!can(ctx.actor, readPermission)) throw new Forbidden();
  const rows = await exportRows(ctx.tx, ctx.actor, props.entity);
  await audit(ctx, {
    action: 'org.export',
    subjectType: props.entity,
    changes: { format: props.format, rows: rows.length },
    scopePath: scopeOf(ctx.actor, readPermission)[0] ?? null,
  });
  return rows;
}
