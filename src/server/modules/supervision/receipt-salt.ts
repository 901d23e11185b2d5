/** The deployment's receipt salt and receipt secret (see supervision.tables.ts), kept in the database. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { SALT_BYTES } from '../../platform/crypto/kdf.js';
import { sodium } from '../../platform/crypto/sodium.js';
import { supervisionSettings } from './supervision.tables.js';

/** The deployment's secret for receipts drawn from idempotency keys, made on first use. */
export async function receiptSecret(ex: Executor): Promise<Uint8Array> {
  await receiptSalt(ex);
  const [row] = await ex.select({ secret: supervisionSettings.receiptSecret }).from(supervisionSettings).where(eq(supervisionSettings.id, 1));
  if (row?.secret) return row.secret;
  await ex.update(supervisionSettings).set({ receiptSecret: (await sodium()).randombytes_buf(32) }).where(and(eq(supervisionSettings.id, 1), isNull(supervisionSettings.receiptSecret)));
  const [again] = await ex.select({ secret: supervisionSettings.receiptSecret }).from(supervisionSettings).where(eq(supervisionSettings.id, 1));
  return again!.secret!;
}

/** The deployment's receipt salt, made on first use. */
export async function receiptSalt(ex: Executor): Promise<Uint8Array> {
  const [row] = await ex.select().from(supervisionSettings).where(eq(supervisionSettings.id, 1));
  if (row) return row.receiptSalt;
  const salt = (await sodium()).randombytes_buf(SALT_BYTES);
  await ex.insert(supervisionSettings).values({ id: 1, receiptSalt: salt }).onConflictDoNothing();
  const [again] = await ex.select().from(supervisionSettings).where(eq(supervisionSettings.id, 1));
  return again!.receiptSalt;
}

