/**
 * Supervision keypairs of the people who read reports (inspectors) or hold their escrow
 * (custodians): made at their first sign-in with such a role, kept wrapped under their
 * password, escrowed to each custodian, re-wrapped when the password changes, and unlocked
 * into each session under a key derived from the session's cookie token.
 *
 * The server holds a private key in memory only while it serves that user's request.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { can, type Actor } from '../../platform/access/actor.js';
import { Permission } from '../../platform/access/permission.js';
import type { CommandContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { lock, newKeyPair, publicKeyOf, seal, SealError, unlock, unwrapKey, wrapKey, type KeyPair } from '../../platform/crypto/sealing.js';
import { openAtSignIn, rewrapRecovery } from './key-recovery.js';
import { sodium } from '../../platform/crypto/sodium.js';
import type { PasswordChange, SignIn } from '../../platform/module.js';
import { supervisionKeyEscrow, supervisionKeys, supervisionSessionKeys } from './supervision.tables.js';

/** Whether an actor's roles need a supervision keypair. */
export function needsKeys(actor: Actor | null): boolean {
  return can(actor, Permission.SupervisionRead) || can(actor, Permission.SupervisionCustody);
}

export async function publicKeysOf(ex: Executor, userIds: readonly number[]): Promise<Map<number, Uint8Array>> {
  if (userIds.length === 0) return new Map();
  const rows = await ex.select({ userId: supervisionKeys.userId, publicKey: supervisionKeys.publicKey }).from(supervisionKeys).where(inArray(supervisionKeys.userId, [...userIds]));
  return new Map(rows.map((r) => [r.userId, r.publicKey]));
}

/**
 * The user's keypair from their password: made (and escrowed to `custodians`) when they have
 * none yet; undefined while it awaits recovery after a password reset (key-recovery.ts).
 */
export async function userKeyPair(ctx: CommandContext, userId: number, password: string, custodians: ReadonlyMap<number, Uint8Array>): Promise<KeyPair | undefined> {
  const [row] = await ctx.tx.select().from(supervisionKeys).where(eq(supervisionKeys.userId, userId));
  if (row) {
    const privateKey = await openAtSignIn(ctx, row, password);
    return privateKey && { publicKey: row.publicKey, privateKey };
  }
  const keys = await newKeyPair();
  await ctx.tx.insert(supervisionKeys).values({ userId, publicKey: keys.publicKey, wrappedKey: await wrapKey(keys.privateKey, password), createdAt: ctx.now, updatedAt: ctx.now });
  for (const [custodianId, publicKey] of custodians) {
    if (custodianId !== userId) await ctx.tx.insert(supervisionKeyEscrow).values({ userId, custodianId, sealedKey: await seal(keys.privateKey, publicKey) });
  }
  return keys;
}

/** The key a session's copy of the private key is locked under: BLAKE2b of the cookie's token (256 random bits). */
async function sessionLockKey(sessionToken: string): Promise<Uint8Array> {
  const s = await sodium();
  return s.crypto_generichash(32, `gongzhi supervision session key\u0000${sessionToken}`, null);
}

export async function storeSessionKey(ctx: CommandContext, s: Pick<SignIn, 'sessionId' | 'sessionToken' | 'userId'>, privateKey: Uint8Array): Promise<void> {
  await ctx.tx.insert(supervisionSessionKeys).values({ sessionId: s.sessionId, userId: s.userId, lockedKey: await lock(privateKey, await sessionLockKey(s.sessionToken)) });
}

/** The signed-in user's keypair for this request, or undefined (no keys, or a session from before they had any). */
export async function sessionKeyPair(ex: Executor, sessionId: string, sessionToken: string, userId: number): Promise<KeyPair | undefined> {
  const [row] = await ex.select().from(supervisionSessionKeys).where(and(eq(supervisionSessionKeys.sessionId, sessionId), eq(supervisionSessionKeys.userId, userId)));
  if (!row) return undefined;
  const privateKey = await unlock(row.lockedKey, await sessionLockKey(sessionToken));
  return { privateKey, publicKey: await publicKeyOf(privateKey) };
}

/** Sign-in hook: unlock (or make) the keypair of a user with a supervision role into the new session. */
export async function unlockAtSignIn(ctx: CommandContext, s: SignIn, actor: Actor | null, custodians: ReadonlyMap<number, Uint8Array>): Promise<void> {
  if (!needsKeys(actor)) return;
  const keys = await userKeyPair(ctx, s.userId, s.password, custodians);
  if (keys) await storeSessionKey(ctx, s, keys.privateKey);
}

/**
 * Password-change hook: the private key wrapped again under the new password (the other
 * sessions are gone); a key awaiting recovery stays as it is, its transfer key follows.
 */
export async function rewrapAtPasswordChange(ctx: CommandContext, c: PasswordChange): Promise<void> {
  const [row] = await ctx.tx.select().from(supervisionKeys).where(eq(supervisionKeys.userId, c.userId));
  if (!row) return;
  const privateKey = await unwrapKey(row.wrappedKey, c.oldPassword).catch((e: unknown) => {
    if (e instanceof SealError) return undefined;
    throw e;
  });
  if (privateKey) await ctx.tx.update(supervisionKeys).set({ wrappedKey: await wrapKey(privateKey, c.newPassword), updatedAt: ctx.now }).where(eq(supervisionKeys.userId, c.userId));
  else await rewrapRecovery(ctx, c.userId, c.oldPassword, c.newPassword);
}
