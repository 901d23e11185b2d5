/**
 * 监督举报 intake: a report about a cadre, real-name or anonymous, from anyone (no account
 * needed). Everything said is sealed before it is written (see supervision.tables.ts):
 * - the report gets its own keypair; its content is sealed to its public key;
 * - its private key is sealed to each competent inspector (the nearest level above the place
 *   with discipline inspectors) — never to the person reported — and to each custodian;
 * - a 16-digit receipt, shown once, finds it again (Argon2id hash) and unlocks its key;
 * - a real-name reporter's identity is sealed to the custodians only.
 * No IP address, account or request id ties the reporter to the report: the audit entry is
 * written without them.
 */
import { sql } from 'drizzle-orm';
import { audit } from '../../platform/audit/audit.js';
import type { CommandContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { newReceipt, receiptFor, receiptHash } from '../../platform/crypto/receipts.js';
import { newKeyPair, seal, wrapKey } from '../../platform/crypto/sealing.js';
import { Invalid } from '../../platform/http/errors.js';
import { localDateOf } from '../../platform/time/zoned.js';
import { DEFAULT_TIME_ZONE } from '../../platform/context.js';
import { nodePlace } from '../org/org.exports.js';
import { supervisionIdentities, supervisionReportKeys, supervisionReports } from './supervision.tables.js';
import { receiptSalt, receiptSecret } from './receipt-salt.js';
import { blindContext, reportOfReceipt } from './report-grants.js';
import { readersFor } from './report-readers.js';
import { arrivalClocks } from './report-clocks.js';
import { storeAttachments } from './report-attachments.js';
import type { Upload } from './report-form.js';

export interface ReportInput {
  anonymous: boolean;
  /** Who is reported, in the reporter's words (name, post, unit). */
  accused: string;
  /** The person reported, when the reporter picked them from the directory. */
  accusedPersonId?: number | undefined;
  content: string;
  happenedAt?: string | undefined;
  place?: string | undefined;
  /** Where the matter is: a node of the tree (its competent level reads it). */
  nodeId: number;
  /** A real-name reporter's identity; required unless anonymous. */
  reporter?: { name: string; phone: string; idNumber?: string | undefined } | undefined;
  /** A signed-in resident filing under their own name. */
  reporterUserId?: number | null;
  /** Files sent with the report (multipart). */
  files?: Upload[];
  /** The deployment's rule on the reported person's line superiors (config). */
  lineSuperiors: 'exclude' | 'include';
  /** The client's `Idempotency-Key`: a retry with it gets the same receipt and files nothing new. */
  idempotencyKey?: string | undefined;
}

/** The receipt of this filing: drawn from the idempotency key when there is one, else at random. */
async function receiptOf(ctx: CommandContext, idempotencyKey: string | undefined): Promise<string> {
  if (!idempotencyKey) return newReceipt();
  const receipt = await receiptFor(idempotencyKey, await receiptSecret(ctx.tx));
  // Two copies of one retry arriving together: the second waits, then finds the first's report.
  await ctx.tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'supervision-receipt-' + receipt}))`);
  return receipt;
}

/** JB20261129-0001: the day's count, drawn under a lock on the day (numbers reveal order, not who). */
async function nextNumber(ex: Executor, now: Date): Promise<string> {
  const day = localDateOf(now, DEFAULT_TIME_ZONE).replaceAll('-', '');
  await ex.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'supervision-number-' + day}))`);
  const [row] = await ex.select({ n: sql<number>`count(*)::int` }).from(supervisionReports).where(sql`${supervisionReports.number} LIKE ${'JB' + day + '-%'}`);
  return `JB${day}-${String(Number(row!.n) + 1).padStart(4, '0')}`;
}

/** Files a report; returns its id and the receipt (to show once) — or, for a retry of an idempotent filing, the report it already made. */
export async function fileReport(ctx: CommandContext, input: ReportInput): Promise<{ id: number; receipt: string; replayed: boolean }> {
  const place = await nodePlace(ctx.tx, input.nodeId);
  if (!place) throw new Invalid('ref_not_found', [{ path: 'body.nodeId', code: 'ref_not_found' }]);
  if (!input.anonymous && !input.reporter) throw new Invalid('supervision_reporter_required', [{ path: 'body.reporter', code: 'supervision_reporter_required' }]);
  const { level, inspectors, custodians, keptAway } = await readersFor(ctx.tx, place.path, { accusedPersonId: input.accusedPersonId, lineSuperiors: input.lineSuperiors });

  const receipt = await receiptOf(ctx, input.idempotencyKey);
  if (input.idempotencyKey) {
    const earlier = await reportOfReceipt(ctx.tx, receipt);
    if (earlier) return { id: earlier.row.id, receipt, replayed: true };
  }
  const keys = await newKeyPair();
  const { anonymous, reporter, reporterUserId, files, lineSuperiors: _rule, idempotencyKey: _key, ...matter } = input;
  const [report] = await ctx.tx
    .insert(supervisionReports)
    .values({
      number: await nextNumber(ctx.tx, ctx.now),
      nodeId: place.id,
      competentNodeId: level?.nodeId ?? place.id,
      competentPath: level?.path ?? place.path,
      anonymous,
      state: 'received',
      publicKey: keys.publicKey,
      content: await seal(JSON.stringify(matter), keys.publicKey),
      receiptHash: await receiptHash(receipt, await receiptSalt(ctx.tx)),
      receiptKey: await wrapKey(keys.privateKey, receipt),
      receivedAt: ctx.now,
      ...(await arrivalClocks(ctx, anonymous)),
      updatedAt: ctx.now,
    })
    .returning({ id: supervisionReports.id });
  const grant = async (userId: number, publicKey: Uint8Array, role: 'inspector' | 'custodian') =>
    ctx.tx.insert(supervisionReportKeys).values({ reportId: report!.id, userId, sealedKey: await seal(keys.privateKey, publicKey), role, grantedAt: ctx.now }).onConflictDoNothing();
  for (const [userId, pk] of inspectors) await grant(userId, pk, 'inspector');
  for (const [userId, pk] of custodians) await grant(userId, pk, 'custodian');
  const attached = await storeAttachments(ctx, { id: report!.id, publicKey: keys.publicKey }, files ?? []);
  if (!anonymous) {
    const identity = JSON.stringify({ ...reporter, userId: reporterUserId ?? null });
    for (const [holderId, pk] of custodians) await ctx.tx.insert(supervisionIdentities).values({ reportId: report!.id, holderId, sealed: await seal(identity, pk) });
  }
  // Neither the caller, their address nor the request id: nothing links the reporter to it.
  await audit(blindContext(ctx), { action: 'supervision.report.file', subjectType: 'supervision_report', subjectId: report!.id, actorLabel: '举报人', changes: { anonymous, readers: inspectors.size, custodians: custodians.size, keptAway, files: attached }, scopePath: level?.path ?? place.path });
  return { id: report!.id, receipt, replayed: false };
}
