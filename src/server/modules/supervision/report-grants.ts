/**
 * A report's key as one reader holds it (sealed to their public key, as inspector or as
 * custodian), the receipt's way to a report, and the audit context of a reporter — the
 * pieces every reading and acting on a report starts from.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { CommandContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { parseReceipt, receiptHash } from '../../platform/crypto/receipts.js';
import { publicKeyOf, unseal, type KeyPair } from '../../platform/crypto/sealing.js';
import { receiptSalt } from './receipt-salt.js';
import { supervisionReportKeys, supervisionReports } from './supervision.tables.js';

export type GrantRole = 'inspector' | 'custodian';

/** The sealed copy of the report's key that `userId` holds in `role`, or undefined. */
export async function reportGrant(ex: Executor, reportId: number, userId: number, role: GrantRole): Promise<Uint8Array | undefined> {
  const [grant] = await ex
    .select({ sealedKey: supervisionReportKeys.sealedKey })
    .from(supervisionReportKeys)
    .where(and(eq(supervisionReportKeys.reportId, reportId), eq(supervisionReportKeys.userId, userId), eq(supervisionReportKeys.role, role)));
  return grant?.sealedKey;
}

/** The report's keypair, opened from a sealed copy with the holder's own keypair. */
export async function openReportKey(sealedKey: Uint8Array, own: KeyPair): Promise<KeyPair> {
  const privateKey = await unseal(sealedKey, own);
  return { privateKey, publicKey: await publicKeyOf(privateKey) };
}

/** The report's keypair as `userId` holds it in `role`, or undefined (no grant, or no own keys). */
export async function heldReportKeys(ex: Executor, reportId: number, userId: number, role: GrantRole, own: KeyPair | undefined): Promise<KeyPair | undefined> {
  const sealedKey = own ? await reportGrant(ex, reportId, userId, role) : undefined;
  return sealedKey && own ? openReportKey(sealedKey, own) : undefined;
}

/** The report a typed receipt belongs to (locked when `forUpdate`), with the receipt's digits; undefined for none. */
export async function reportOfReceipt(ex: Executor, typed: string, forUpdate = false): Promise<{ row: typeof supervisionReports.$inferSelect; receipt: string } | undefined> {
  const receipt = parseReceipt(typed);
  if (!receipt) return undefined;
  const query = ex.select().from(supervisionReports).where(eq(supervisionReports.receiptHash, await receiptHash(receipt, await receiptSalt(ex))));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ? { row, receipt } : undefined;
}

/** The context of a reporter's act: no account, no address, a fresh request id — nothing ties the audit entry to them. */
export function blindContext(ctx: CommandContext): CommandContext {
  return { ...ctx, actor: null, ip: null, requestId: randomUUID() };
}
