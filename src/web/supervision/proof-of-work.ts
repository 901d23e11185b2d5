/**
 * The browser's side of the server's proof of work (platform/http/proof-of-work.ts): when the
 * reporter's endpoints see abuse-like traffic they answer 428 with a challenge; we find a
 * nonce such that SHA-256(challenge ":" nonce) starts with `difficulty` zero bits and send the
 * request again with `x-gongzhi-pow: <challenge>:<nonce>`. 16 bits is about 65,000 digests:
 * under a second on a phone. The search yields to the page now and then, so the spinner keeps
 * turning.
 */
import { sha256 } from './sha256.js';

export const POW_HEADER = 'x-gongzhi-pow';

/** Digests between two yields to the event loop. */
const SLICE = 4000;

/** Leading zero bits of a digest. */
export function leadingZeroBits(digest: Uint8Array): number {
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
  return leadingZeroBits(sha256(new TextEncoder().encode(`${challenge}:${nonce}`))) >= difficulty;
}

/** A nonce solving the challenge (decimal, as the server's own solver makes them). */
export async function solveChallenge(challenge: string, difficulty: number, pause: () => Promise<void> = () => new Promise((r) => setTimeout(r, 0))): Promise<string> {
  const encoder = new TextEncoder();
  for (let n = 0; ; n++) {
    if (leadingZeroBits(sha256(encoder.encode(`${challenge}:${n}`))) >= difficulty) return String(n);
    if (n % SLICE === SLICE - 1) await pause();
  }
}

/** The header value proving the work. */
export function proofHeader(challenge: string, nonce: string): string {
  return `${challenge}:${nonce}`;
}
