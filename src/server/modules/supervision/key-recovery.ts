/**
 * Key recovery after a password reset (issue #5 point 3: "an escrow for recovery held by a
 * designated custodian"). An administrator's reset leaves the user's private key wrapped
 * under the old password, which nobody knows any more. So:
 * 1. at the user's next sign-in the wrap fails to open; a transfer keypair is made and its
 *    private key wrapped under the new password (`askForRecovery`) — the sign-in succeeds,
 *    without supervision keys;
 * 2. a custodian opens their escrowed copy of the user's key and seals it to the transfer key
 *    (`approveRecovery`), audited;
 * 3. at the user's next sign-in the transfer key opens, the user's key is checked against
 *    their public key and wrapped again under the password (`completeRecovery`).
 */
import { and, eq } from 'drizzle-orm';
import { audit } from '../../platform/audit/audit.js';
import { users } from '../../platform/auth/auth.tables.js';
import type { CommandContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { newKeyPair, publicKeyOf, seal, SealError, unseal, unwrapKey, wrapKey, type KeyPair } from '../../platform/crypto/sealing.js';
import { sodium } from '../../platform/crypto/sodium.js';
import { Conflict, NotFound } from '../../platform/http/errors.js';
import { supervisionKeyEscrow, supervisionKeyRecoveries, supervisionKeys } from './supervision.tables.js';

type KeyRow = typeof supervisionKeys.$inferSelect;
type RecoveryRow = typeof supervisionKeyRecoveries.$inferSelect;

/** Opens `wrapped` with `password`, or undefined when the password is not the one it was wrapped under. */
async function tryUnwrap(wrapped: Uint8Array, password: string): Promise<Uint8Array | undefined> {
  try {
    return await unwrapKey(wrapped, password);
  } catch (e) {
    if (e instanceof SealError) return undefined;
    throw e;
  }
}

/** Asks (again) for recovery, with a transfer key wrapped under the current password. */
async function askForRecovery(ctx: CommandContext, userId: number, password: string, existing: RecoveryRow | undefined): Promise<void> {
  const transfer = await newKeyPair();
  const values = { transferPublicKey: transfer.publicKey, transferWrapped: await wrapKey(transfer.privateKey, password), sealedKey: null, status: 'pending' as const, requestedAt: ctx.now, decidedBy: null, decidedAt: null };
  if (existing) await ctx.tx.update(supervisionKeyRecoveries).set(values).where(eq(supervisionKeyRecoveries.userId, userId));
  else await ctx.tx.insert(supervisionKeyRecoveries).values({ userId, ...values });
  await audit(ctx, { action: 'supervision.key.recovery_request', subjectType: 'user', subjectId: userId });
}

/** Takes the key a custodian sealed to the transfer key; undefined when it does not open or is not the user's. */
async function completeRecovery(ctx: CommandContext, row: KeyRow, recovery: RecoveryRow, password: string): Promise<Uint8Array | undefined> {
  const transferPrivate = await tryUnwrap(recovery.transferWrapped, password);
  if (!transferPrivate || !recovery.sealedKey) return undefined;
  const privateKey = await unseal(recovery.sealedKey, { publicKey: recovery.transferPublicKey, privateKey: transferPrivate });
  const s = await sodium();
  if (!s.memcmp(await publicKeyOf(privateKey), row.publicKey)) return undefined;
  await ctx.tx.update(supervisionKeys).set({ wrappedKey: await wrapKey(privateKey, password), updatedAt: ctx.now }).where(eq(supervisionKeys.userId, row.userId));
  await ctx.tx.delete(supervisionKeyRecoveries).where(eq(supervisionKeyRecoveries.userId, row.userId));
  await audit(ctx, { action: 'supervision.key.recovered', subjectType: 'user', subjectId: row.userId });
  return privateKey;
}

/**
 * The private key of an existing keypair at sign-in: opened with the password, or recovered
 * (step 3), or undefined while recovery is asked for (steps 1–2).
 */
export async function openAtSignIn(ctx: CommandContext, row: KeyRow, password: string): Promise<Uint8Array | undefined> {
  const opened = await tryUnwrap(row.wrappedKey, password);
  if (opened) return opened;
  const [recovery] = await ctx.tx.select().from(supervisionKeyRecoveries).where(eq(supervisionKeyRecoveries.userId, row.userId)).for('update');
  if (recovery?.status === 'approved') {
    const recovered = await completeRecovery(ctx, row, recovery, password);
    if (recovered) return recovered;
  }
  // Not asked yet, or asked under a password changed since: ask with the current one.
  if (!recovery || !(await tryUnwrap(recovery.transferWrapped, password))) await askForRecovery(ctx, row.userId, password, recovery);
  return undefined;
}

/** Password change: a pending transfer key follows the password too. */
export async function rewrapRecovery(ctx: CommandContext, userId: number, oldPassword: string, newPassword: string): Promise<void> {
  const [recovery] = await ctx.tx.select().from(supervisionKeyRecoveries).where(eq(supervisionKeyRecoveries.userId, userId));
  const transferPrivate = recovery ? await tryUnwrap(recovery.transferWrapped, oldPassword) : undefined;
  if (transferPrivate) await ctx.tx.update(supervisionKeyRecoveries).set({ transferWrapped: await wrapKey(transferPrivate, newPassword) }).where(eq(supervisionKeyRecoveries.userId, userId));
}

/** Recovery requests a custodian can answer (they hold that user's escrow). */
export async function recoveriesFor(ex: Executor, custodianId: number): Promise<Array<{ userId: number; name: string; status: 'pending' | 'approved'; requestedAt: string }>> {
  const rows = await ex
    .select({ userId: supervisionKeyRecoveries.userId, name: users.displayName, status: supervisionKeyRecoveries.status, requestedAt: supervisionKeyRecoveries.requestedAt })
    .from(supervisionKeyRecoveries)
    .innerJoin(supervisionKeyEscrow, and(eq(supervisionKeyEscrow.userId, supervisionKeyRecoveries.userId), eq(supervisionKeyEscrow.custodianId, custodianId)))
    .innerJoin(users, eq(users.id, supervisionKeyRecoveries.userId))
    .orderBy(supervisionKeyRecoveries.requestedAt);
  return rows.map((r) => ({ ...r, requestedAt: r.requestedAt.toISOString() }));
}

/** Step 2: the custodian opens their escrowed copy of the user's key and seals it to the transfer key. */
export async function approveRecovery(ctx: CommandContext, p: { userId: number; own: KeyPair | undefined }): Promise<void> {
  const custodianId = ctx.actor!.userId;
  const [recovery] = await ctx.tx.select().from(supervisionKeyRecoveries).where(eq(supervisionKeyRecoveries.userId, p.userId)).for('update');
  const [escrow] = await ctx.tx.select().from(supervisionKeyEscrow).where(and(eq(supervisionKeyEscrow.userId, p.userId), eq(supervisionKeyEscrow.custodianId, custodianId)));
  if (!recovery || !escrow || !p.own || p.userId === custodianId) throw new NotFound();
  if (recovery.status !== 'pending') throw new Conflict('supervision_request_decided', { status: recovery.status });
  const privateKey = await unseal(escrow.sealedKey, p.own);
  await ctx.tx
    .update(supervisionKeyRecoveries)
    .set({ sealedKey: await seal(privateKey, recovery.transferPublicKey), status: 'approved', decidedBy: custodianId, decidedAt: ctx.now })
    .where(eq(supervisionKeyRecoveries.userId, p.userId));
  await audit(ctx, { action: 'supervision.key.recovery_approve', subjectType: 'user', subjectId: p.userId });
}

/** What the signed-in user's keys are: ready in this session, awaiting a custodian, or none (no supervision role). */
export async function keyState(ex: Executor, userId: number, unlocked: boolean): Promise<'ready' | 'recovery_pending' | 'recovery_approved' | 'none'> {
  if (unlocked) return 'ready';
  const [recovery] = await ex.select({ status: supervisionKeyRecoveries.status }).from(supervisionKeyRecoveries).where(eq(supervisionKeyRecoveries.userId, userId));
  if (recovery) return recovery.status === 'pending' ? 'recovery_pending' : 'recovery_approved';
  return 'none';
}
