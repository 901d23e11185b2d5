/**
 * Resident tracking codes: 16 characters of Crockford base32 (80 random bits) — enough
 * that guessing one is hopeless — shown once; only the SHA-256 is stored.
 */
import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newTrackingCode(): string {
  const bytes = randomBytes(16);
  let out = '';
  for (let i = 0; i < 16; i++) out += ALPHABET[bytes[i]! & 31];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}-${out.slice(12)}`;
}

/** Normalizes what a person typed (case, dashes, spaces, O/I/L look-alikes) before hashing. */
export function normalizeTrackingCode(code: string): string {
  const plain = code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return plain.length === 16 ? `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8, 12)}-${plain.slice(12)}` : plain;
}

export function trackingHash(code: string): string {
  return createHash('sha256').update(normalizeTrackingCode(code)).digest('hex');
}
