/**
 * Receipts of anonymous reports (DOMAIN.md §4): 16 decimal digits from the CSPRNG, shown
 * once. Stored only as an Argon2id hash under the deployment's receipt salt — one salt for
 * all, so a receipt finds its report by the hash (GlobaLeaks does the same); guessing is held
 * back by the hash's cost and the rate limits where receipts are entered.
 */
import { deriveKey } from './kdf.js';
import { sodium } from './sodium.js';

export const RECEIPT_DIGITS = 16;

/** 16 uniform digits: bytes below 250 (25 × 10) taken mod 10, the rest drawn again (no modulo bias). */
export async function newReceipt(): Promise<string> {
  const s = await sodium();
  let out = '';
  while (out.length < RECEIPT_DIGITS) {
    for (const b of s.randombytes_buf(RECEIPT_DIGITS * 2)) {
      if (b < 250 && out.length < RECEIPT_DIGITS) out += String(b % 10);
    }
  }
  return out;
}

/**
 * A receipt drawn from a client's idempotency key under the deployment's secret (keyed
 * BLAKE2b, the same rejection sampling): a retried filing with the same key gets the same
 * receipt, so it finds its report instead of filing twice — and the answer lost on a bad
 * network is not lost. The key is never stored; without it the secret alone gives nothing.
 */
export async function receiptFor(idempotencyKey: string, secret: Uint8Array): Promise<string> {
  const s = await sodium();
  let out = '';
  for (let block = 0; out.length < RECEIPT_DIGITS; block++) {
    for (const b of s.crypto_generichash(64, `gongzhi receipt\u0000${block}\u0000${idempotencyKey}`, secret)) {
      if (b < 250 && out.length < RECEIPT_DIGITS) out += String(b % 10);
    }
  }
  return out;
}

/** The digits of what a person typed (spaces and dashes allowed: 1234 5678 …), or undefined. */
export function parseReceipt(typed: string): string | undefined {
  const digits = typed.normalize('NFKC').replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${RECEIPT_DIGITS}}$`).test(digits) ? digits : undefined;
}

/** The stored form: hex of Argon2id(receipt, deployment salt). */
export async function receiptHash(receipt: string, salt: Uint8Array): Promise<string> {
  return Buffer.from(await deriveKey(receipt, salt)).toString('hex');
}
