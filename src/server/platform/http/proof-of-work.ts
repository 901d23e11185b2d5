/**
 * Proof of work for public endpoints under pressure (issue #5: filing reports and entering
 * receipts): the server answers 428 with a challenge; the client finds a nonce such that
 * SHA-256(challenge ":" nonce) starts with `difficulty` zero bits (about 2^difficulty hashes:
 * 16 bits take a browser a second or so) and sends the request again with the header
 * `x-gongzhi-pow: <challenge>:<nonce>`. A challenge is the server's own (HMAC under a key
 * every server shares through the database), fresh (5 minutes), and spent once.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/database.js';
import { DomainError } from './errors.js';

export const POW_HEADER = 'x-gongzhi-pow';
export const DEFAULT_DIFFICULTY = 16;
const LIFETIME_MS = 5 * 60_000;

/** 428: solve `challenge` to `difficulty` bits and send the request again. */
export class ChallengeRequired extends DomainError {
  constructor(
    readonly challenge: string,
    readonly difficulty: number,
  ) {
    super(428, 'pow_required', { difficulty });
  }
}

async function powKey(ex: Executor): Promise<Buffer> {
  const [row] = await queryRows<{ key: string }>(
    ex,
    sql`WITH made AS (INSERT INTO pow_keys (id, key) VALUES (1, ${randomBytes(32).toString('hex')}) ON CONFLICT (id) DO NOTHING RETURNING key)
        SELECT key FROM made UNION ALL SELECT key FROM pow_keys WHERE id = 1 LIMIT 1`,
  );
  return Buffer.from(row!.key, 'hex');
}

function sign(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url').slice(0, 22);
}

/** A new challenge for `purpose` (a report, a receipt): `<purpose>.<expiry ms>.<difficulty>.<random>.<mac>`. */
export async function newChallenge(ex: Executor, purpose: string, now: Date, difficulty = DEFAULT_DIFFICULTY): Promise<string> {
  const body = `${purpose}.${now.getTime() + LIFETIME_MS}.${difficulty}.${randomBytes(12).toString('base64url')}`;
  return `${body}.${sign(await powKey(ex), body)}`;
}

/** Leading zero bits of a digest. */
export function leadingZeroBits(digest: Buffer): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export function solves(challenge: string, nonce: string, difficulty: number): boolean {
  return leadingZeroBits(createHash('sha256').update(`${challenge}:${nonce}`).digest()) >= difficulty;
}

/** Finds a nonce (tests, and any client that cannot run the browser's solver). */
export function solve(challenge: string, difficulty: number): string {
  for (let n = 0; ; n++) if (solves(challenge, String(n), difficulty)) return String(n);
}

/**
 * Whether the header holds a solved, fresh, unspent challenge of ours for `purpose`; the
 * challenge is spent (a second use fails).
 */
export async function checkProof(ex: Executor, header: string | undefined, purpose: string, now: Date): Promise<boolean> {
  const at = header?.lastIndexOf(':') ?? -1;
  if (!header || at < 0 || header.length > 300) return false;
  const [challenge, nonce] = [header.slice(0, at), header.slice(at + 1)];
  const parts = challenge.split('.');
  if (parts.length !== 5 || parts[0] !== purpose || nonce.length > 40) return false;
  const [, expiry, difficulty] = parts;
  const mac = Buffer.from(parts[4]!);
  const expected = Buffer.from(sign(await powKey(ex), parts.slice(0, 4).join('.')));
  if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return false;
  if (Number(expiry) < now.getTime() || !solves(challenge, nonce, Number(difficulty))) return false;
  const spent = await queryRows<{ challenge: string }>(
    ex,
    sql`INSERT INTO pow_spent (challenge, expires_at) VALUES (${challenge}, ${new Date(Number(expiry))}) ON CONFLICT DO NOTHING RETURNING challenge`,
  );
  return spent.length === 1;
}

/** Drops spent challenges past their expiry (they fail on expiry anyway). */
export async function forgetSpentChallenges(ex: Executor, now: Date): Promise<void> {
  await ex.execute(sql`DELETE FROM pow_spent WHERE expires_at < ${now}`);
}
