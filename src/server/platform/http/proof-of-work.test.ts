/** The proof-of-work arithmetic (the HTTP flow is tested with the supervision routes). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { leadingZeroBits, solve, solves } from './proof-of-work.js';

const bitsOf = (b: Uint8Array) => Array.from(b, (x) => x.toString(2).padStart(8, '0')).join('');

describe('proof of work', () => {
  it('counts leading zero bits as the bit string shows them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 8 }), (bytes) => {
        const bits = bitsOf(bytes);
        const expected = bits.indexOf('1') < 0 ? bits.length : bits.indexOf('1');
        expect(leadingZeroBits(Buffer.from(bytes))).toBe(expected);
      }),
    );
  });

  it('finds a nonce that solves a challenge, which a lower bar accepts and a much higher one refuses', () => {
    const nonce = solve('report.1.12.abc.mac', 12);
    expect(solves('report.1.12.abc.mac', nonce, 12)).toBe(true);
    expect(solves('report.1.12.abc.mac', nonce, 4)).toBe(true);
    expect(solves('report.1.12.abc.mac', nonce, 200)).toBe(false);
  });
});
