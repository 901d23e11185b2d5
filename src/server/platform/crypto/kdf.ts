/**
 * Keys from secrets people hold (a password, a report's receipt): Argon2id, raw 32 bytes.
 * The cost is the passwords' (19 MiB, 2 passes: OWASP's floor), so deriving a key costs what
 * a sign-in costs; guessing is further held back by rate limits where receipts are entered.
 */
import { hashRaw } from '@node-rs/argon2';

export const KEY_BYTES = 32;
export const SALT_BYTES = 16;

// 2 = Algorithm.Argon2id (a const enum, which isolated modules cannot read).
const COST = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: KEY_BYTES } as const;

export async function deriveKey(secret: string, salt: Uint8Array): Promise<Uint8Array> {
  if (salt.length !== SALT_BYTES) throw new Error(`salt must be ${SALT_BYTES} bytes`);
  return new Uint8Array(await hashRaw(secret.normalize('NFKC'), { ...COST, salt }));
}
