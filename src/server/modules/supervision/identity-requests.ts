/**
 * A real-name reporter's identity is sealed to the custodians only. An inspector who needs it
 * asks, with a reason; a custodian of the report approves — the identity is then sealed to
 * that inspector too — or denies. Both acts are audited, and the reporter is told when their
 * identity is given.
 */
import { and, desc, eq } from 'drizzle-orm';
import { can } from '../../platform/access/actor.js';
import { Permission } from '../../platform/access/permission.js';
import { audit } from '../../platform/audit/audit.js';
import type { CommandContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { seal, unseal, utf8, type KeyPair } from '../../platform/crypto/sealing.js';
import { Conflict, Forbidden, NotFound } from '../../platform/http/errors.js';
import { users } from '../../platform/auth/auth.tables.js';
import { supervisionIdentities, supervisionIdentityRequests, supervisionMessages, supervisionReportKeys, supervisionReports } from './supervision.tables.js';
import { publicKeysOf } from './user-keys.js';
import { heldReportKeys, openReportKey, reportGrant } from './report-grants.js';

/** An inspector of a real-name report asks for the reporter's identity. */
export async function requestIdentity(ctx: CommandContext, p: { reportId: number; reason: string }): Promise<number> {
  const userId = ctx.actor?.userId ?? -1;
  const [report] = await ctx.tx.select().from(supervisionReports).where(eq(supervisionReports.id, p.reportId));
  const grant = report ? await reportGrant(ctx.tx, p.reportId, userId, 'inspector') : undefined;
  if (!report || !grant) throw new NotFound();
  if (!can(ctx.actor, Permission.SupervisionHandle, { path: report.competentPath })) throw new Forbidden();
  if (report.anonymous) throw new Conflict('supervision_anonymous_report');
  const [row] = await ctx.tx.insert(supervisionIdentityRequests).values({ reportId: report.id, inspectorId: userId, reason: await seal(p.reason, report.publicKey), status: 'pending', createdAt: ctx.now }).returning({ id: supervisionIdentityRequests.id });
  await audit(ctx, { action: 'supervision.identity.request', subjectType: 'supervision_report', subjectId: report.id, changes: { request: row!.id }, scopePath: report.competentPath });
  return row!.id;
}

export interface IdentityRequestView {
  id: number;
  reportId: number;
  reportNumber: string;
  inspectorId: number;
  inspectorName: string;
  reason: string;
  status: 'pending' | 'approved' | 'denied';
  createdAt: string;
}

/** The requests on reports the custodian holds in escrow, newest first, reasons opened with their key. */
export async function identityRequestsFor(ex: Executor, custodianId: number, own: KeyPair | undefined): Promise<IdentityRequestView[]> {
  if (!own) return [];
  const rows = await ex
    .select({ r: supervisionIdentityRequests, number: supervisionReports.number, sealedKey: supervisionReportKeys.sealedKey, inspectorName: users.displayName })
    .from(supervisionIdentityRequests)
    .innerJoin(users, eq(users.id, supervisionIdentityRequests.inspectorId))
    .innerJoin(supervisionReports, eq(supervisionReports.id, supervisionIdentityRequests.reportId))
    .innerJoin(supervisionReportKeys, and(eq(supervisionReportKeys.reportId, supervisionIdentityRequests.reportId), eq(supervisionReportKeys.userId, custodianId), eq(supervisionReportKeys.role, 'custodian')))
    .orderBy(desc(supervisionIdentityRequests.id))
    .limit(200);
  return Promise.all(
    rows.map(async ({ r, number, sealedKey, inspectorName }) => {
      const reason = utf8(await unseal(r.reason, await openReportKey(sealedKey, own)));
      return { id: r.id, reportId: r.reportId, reportNumber: number, inspectorId: r.inspectorId, inspectorName, reason, status: r.status, createdAt: r.createdAt.toISOString() };
    }),
  );
}

/** A custodian's decision; on approval the identity is sealed to the inspector and the reporter is told. */
export async function decideIdentityRequest(ctx: CommandContext, p: { requestId: number; approve: boolean; own: KeyPair | undefined }): Promise<void> {
  const custodianId = ctx.actor?.userId ?? -1;
  if (!can(ctx.actor, Permission.SupervisionCustody)) throw new Forbidden();
  const [request] = await ctx.tx.select().from(supervisionIdentityRequests).where(eq(supervisionIdentityRequests.id, p.requestId)).for('update');
  const held = request ? await heldReportKeys(ctx.tx, request.reportId, custodianId, 'custodian', p.own) : undefined;
  if (!request || !held || !p.own) throw new NotFound();
  if (request.status !== 'pending') throw new Conflict('supervision_request_decided', { status: request.status });
  const [report] = await ctx.tx.select().from(supervisionReports).where(eq(supervisionReports.id, request.reportId));
  if (p.approve) {
    const [mine] = await ctx.tx.select().from(supervisionIdentities).where(and(eq(supervisionIdentities.reportId, request.reportId), eq(supervisionIdentities.holderId, custodianId)));
    const inspectorKey = (await publicKeysOf(ctx.tx, [request.inspectorId])).get(request.inspectorId);
    if (!mine || !inspectorKey) throw new NotFound();
    const identity = await unseal(mine.sealed, p.own);
    await ctx.tx.insert(supervisionIdentities).values({ reportId: request.reportId, holderId: request.inspectorId, sealed: await seal(identity, inspectorKey) }).onConflictDoNothing();
    await ctx.tx.insert(supervisionMessages).values({ reportId: report!.id, author: 'system', authorUserId: null, kind: 'notice', body: await seal('经审批，您的身份信息已提供给本件办理人员，仅用于核查和反馈。', report!.publicKey), createdAt: ctx.now });
  }
  await ctx.tx.update(supervisionIdentityRequests).set({ status: p.approve ? 'approved' : 'denied', decidedBy: custodianId, decidedAt: ctx.now }).where(eq(supervisionIdentityRequests.id, request.id));
  await audit(ctx, { action: p.approve ? 'supervision.identity.approve' : 'supervision.identity.deny', subjectType: 'supervision_report', subjectId: request.reportId, changes: { request: request.id, inspector: request.inspectorId }, scopePath: report!.competentPath });
}

/** The reporter's identity as sealed to this inspector (after an approval), or NotFound. */
export async function identityForInspector(ex: Executor, reportId: number, userId: number, own: KeyPair | undefined): Promise<{ name: string; phone: string; idNumber?: string; userId: number | null }> {
  const [row] = own ? await ex.select().from(supervisionIdentities).where(and(eq(supervisionIdentities.reportId, reportId), eq(supervisionIdentities.holderId, userId))) : [];
  if (!row || !own) throw new NotFound();
  return JSON.parse(utf8(await unseal(row.sealed, own))) as { name: string; phone: string; idNumber?: string; userId: number | null };
}

/** The caller's own requests on a report (so the page knows one is pending), newest first. */
export async function myIdentityRequests(ex: Executor, reportId: number, userId: number): Promise<Array<{ id: number; status: 'pending' | 'approved' | 'denied'; createdAt: string }>> {
  const rows = await ex
    .select({ id: supervisionIdentityRequests.id, status: supervisionIdentityRequests.status, createdAt: supervisionIdentityRequests.createdAt })
    .from(supervisionIdentityRequests)
    .where(and(eq(supervisionIdentityRequests.reportId, reportId), eq(supervisionIdentityRequests.inspectorId, userId)))
    .orderBy(desc(supervisionIdentityRequests.id));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
