/** The deployment's receipt salt (see supervision.tables.ts), kept in the database. */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { SALT_BYTES } from '../../platform/crypto/kdf.js';
import { sodium } from '../../platform/crypto/sodium.js';
import { supervisionSettings } from './supervision.tables.js';

/** The deployment's receipt salt, made on first use. */
export async function receiptSalt(ex: Executor): Promise<Uint8Array> {
  const [row] = await ex.select().from(supervisionSettings).where(eq(supervisionSettings.id, 1));
  if (row) return row.receiptSalt;
  const salt = (await sodium()).randombytes_buf(SALT_BYTES);
  await ex.insert(supervisionSettings).values({ id: 1, receiptSalt: salt }).onConflictDoNothing();
  const [again] = await ex.select().from(supervisionSettings).where(eq(supervisionSettings.id, 1));
  return again!.receiptSalt;
}

