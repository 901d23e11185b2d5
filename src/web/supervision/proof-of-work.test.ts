import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { solves as serverSolves } from '../../server/platform/http/proof-of-work.js';
import { leadingZeroBits, proofHeader, solveChallenge, solves } from './proof-of-work.js';
import { sha256 } from './sha256.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const nodeSha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('sha256', () => {
  test('the FIPS 180-4 examples', () => {
    expect(hex(sha256(new TextEncoder().encode('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256(new TextEncoder().encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256(new TextEncoder().encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  test('agrees with node:crypto at every length around the block boundaries, and on Chinese text', () => {
    for (let n = 0; n <= 200; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff);
      expect(hex(sha256(bytes)), String(n)).toBe(nodeSha(bytes));
    }
    const zh = new TextEncoder().encode('监督举报：收受好处费'.repeat(50));
    expect(hex(sha256(zh))).toBe(nodeSha(zh));
  });
});

describe('proof of work', () => {
  test('leading zero bits', () => {
    expect(leadingZeroBits(Uint8Array.from([0x80]))).toBe(0);
    expect(leadingZeroBits(Uint8Array.from([0x01]))).toBe(7);
    expect(leadingZeroBits(Uint8Array.from([0x00, 0x00, 0x10]))).toBe(19);
    expect(leadingZeroBits(new Uint8Array(4))).toBe(32);
  });

  test('a solution found in the browser is one the server accepts', async () => {
    const challenge = 'report.1790000000000.12.abcdefghijklmnop.0123456789abcdefghijkl';
    let pauses = 0;
    const nonce = await solveChallenge(challenge, 12, async () => void pauses++);
    expect(solves(challenge, nonce, 12)).toBe(true);
    expect(serverSolves(challenge, nonce, 12)).toBe(true);
    expect(proofHeader(challenge, nonce)).toBe(`${challenge}:${nonce}`);
    // It yields to the page while it searches (every few thousand digests).
    expect(pauses).toBe(Math.floor(Number(nonce) / 4000));
  });
});
