/**
 * 通报批评 published (issue #5 point 6): the recorder picks an audience — the staff of a
 * subtree within their own accountability scope, optionally only some roles — and each of
 * those accounts gets the notice once, in-app. What went out (audience, count) is kept on
 * the record and audited.
 */
import { eq } from 'drizzle-orm';
import { can } from '../../platform/access/actor.js';
import { Permission } from '../../platform/access/permission.js';
import { roles, type Role } from '../../platform/access/roles.js';
import { audit } from '../../platform/audit/audit.js';
import type { CommandContext } from '../../platform/context.js';
import { Invalid } from '../../platform/http/errors.js';
import { holdersWithin, nodePlace } from '../org/org.exports.js';
import { notifyCirculated } from './accountability.notices.js';
import { accountabilityRecords, type Publication } from './accountability.tables.js';

type RecordRow = typeof accountabilityRecords.$inferSelect;

/** Who may be in an audience: every staff role (residents are never circulated to). */
export const audienceRoles = roles.filter((r): r is Exclude<Role, 'resident'> => r !== 'resident');
export type AudienceRole = (typeof audienceRoles)[number];

export interface PublishAudience {
  /** The subtree whose staff get the notice. */
  nodeId: number;
  /** Only these roles (none or empty: every staff role). */
  roles?: AudienceRole[] | undefined;
}

const field = (code: string) => new Invalid(code, [{ path: 'body.publish.nodeId', code }]);

/** Sends the record's 通报批评 to the audience and keeps what went out; the record must be `circulated`. */
export async function publishCirculated(ctx: CommandContext, row: RecordRow, personName: string, audience: PublishAudience): Promise<RecordRow> {
  const node = await nodePlace(ctx.tx, audience.nodeId);
  if (!node) throw field('ref_not_found');
  // Only within the recorder's own scope: nobody circulates to places they do not answer for.
  if (!can(ctx.actor, Permission.AccountabilityWrite, { path: node.path })) throw field('accountability_publish_scope');
  const chosen = audience.roles && audience.roles.length > 0 ? [...new Set(audience.roles)] : null;
  const recipients = await holdersWithin(ctx.tx, chosen ?? audienceRoles, node.path);
  const count = await notifyCirculated(ctx, recipients, { recordId: row.id, person: personName, decidedBy: row.decidedBy, decidedOn: row.decidedOn, summary: row.summary });
  const publication: Publication = { nodeId: node.id, roles: chosen, recipients: count, publishedAt: ctx.now.toISOString() };
  const [updated] = await ctx.tx.update(accountabilityRecords).set({ publication }).where(eq(accountabilityRecords.id, row.id)).returning();
  await audit(ctx, { action: 'accountability.publish', subjectType: 'accountability_record', subjectId: row.id, changes: { nodeId: node.id, roles: chosen, recipients: count }, scopePath: row.nodePath });
  return updated!;
}
