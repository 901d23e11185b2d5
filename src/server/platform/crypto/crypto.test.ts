/**
 * The sealing layer under property-based tests (fast-check): every round trip gives back
 * the input; a wrong key, or any byte changed, is refused rather than decrypted to garbage;
 * receipts are 16 uniform digits and parse back from what people type.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deriveKey, KEY_BYTES, SALT_BYTES } from './kdf.js';
import { newReceipt, parseReceipt, receiptFor, receiptHash, RECEIPT_DIGITS } from './receipts.js';
import { lock, newKeyPair, publicKeyOf, seal, SealError, unlock, unseal, unwrapKey, utf8, wrapKey } from './sealing.js';
import { sodium } from './sodium.js';

const bytes = fc.uint8Array({ minLength: 0, maxLength: 2048 });
const key = fc.uint8Array({ minLength: KEY_BYTES, maxLength: KEY_BYTES });

describe('sealed boxes', () => {
  it('open with the recipient’s private key to the very bytes sealed', async () => {
    const keys = await newKeyPair();
    await fc.assert(fc.asyncProperty(bytes, async (plain) => {
      expect(await unseal(await seal(plain, keys.publicKey), keys)).toEqual(plain);
    }), { numRuns: 100 });
  });

  it('carry Chinese text intact', async () => {
    const keys = await newKeyPair();
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), async (text) => {
      expect(utf8(await unseal(await seal(text, keys.publicKey), keys))).toBe(text);
    }), { numRuns: 100 });
  });

  it('refuse another private key and any changed byte', async () => {
    const [keys, other] = [await newKeyPair(), await newKeyPair()];
    await fc.assert(
      fc.asyncProperty(bytes, fc.nat(), fc.integer({ min: 1, max: 255 }), async (plain, at, flip) => {
        const sealed = await seal(plain, keys.publicKey);
        await expect(unseal(sealed, other)).rejects.toThrow(SealError);
        const changed = Uint8Array.from(sealed);
        changed[at % changed.length]! ^= flip;
        await expect(unseal(changed, keys)).rejects.toThrow(SealError);
      }),
      { numRuns: 100 },
    );
  });

  it('derive the public key from the private one', async () => {
    const keys = await newKeyPair();
    expect(await publicKeyOf(keys.privateKey)).toEqual(keys.publicKey);
  });

  it('never hold the plaintext: a sealed text does not contain its bytes', async () => {
    const keys = await newKeyPair();
    const text = '举报某村干部违规发放补贴，时间2026年3月';
    const sealed = Buffer.from(await seal(text, keys.publicKey));
    expect(sealed.includes(Buffer.from(text))).toBe(false);
    expect(sealed.includes(Buffer.from('举报'))).toBe(false);
  });
});

describe('locked boxes and wrapped keys', () => {
  it('unlock with the same key; refuse another key or a changed byte', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, key, key, fc.nat(), async (plain, k, other, at) => {
        const locked = await lock(plain, k);
        expect(await unlock(locked, k)).toEqual(plain);
        if (other.some((b, i) => b !== k[i])) await expect(unlock(locked, other)).rejects.toThrow(SealError);
        const changed = Uint8Array.from(locked);
        changed[at % changed.length]! ^= 1;
        await expect(unlock(changed, k)).rejects.toThrow(SealError);
      }),
      { numRuns: 100 },
    );
  });

  it('refuse input too short to be a box', async () => {
    const k = new Uint8Array(KEY_BYTES);
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 39 }), async (junk) => {
      await expect(unlock(junk, k)).rejects.toThrow(SealError);
    }), { numRuns: 50 });
  });

  it('give a private key back for the secret it was wrapped with, and nothing for another', async () => {
    const keys = await newKeyPair();
    const wrapped = await wrapKey(keys.privateKey, '口令 correct horse');
    expect(await unwrapKey(wrapped, '口令 correct horse')).toEqual(keys.privateKey);
    await expect(unwrapKey(wrapped, '口令 correct horse!')).rejects.toThrow(SealError);
    // A fresh salt each time: the same key and secret wrap differently.
    expect(Buffer.from(await wrapKey(keys.privateKey, '口令 correct horse')).equals(Buffer.from(wrapped))).toBe(false);
  });

  it('derive keys deterministically per salt, and differently across salts', async () => {
    const s = await sodium();
    const [a, b] = [s.randombytes_buf(SALT_BYTES), s.randombytes_buf(SALT_BYTES)];
    expect(await deriveKey('1234567890123456', a)).toEqual(await deriveKey('1234567890123456', a));
    expect(await deriveKey('1234567890123456', a)).not.toEqual(await deriveKey('1234567890123456', b));
    await expect(deriveKey('x', new Uint8Array(8))).rejects.toThrow(/salt/);
  });
});

describe('receipts', () => {
  it('are 16 digits, each digit about equally likely', async () => {
    const counts = new Array<number>(10).fill(0);
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const r = await newReceipt();
      expect(r).toMatch(new RegExp(`^\\d{${RECEIPT_DIGITS}}$`));
      seen.add(r);
      for (const d of r) counts[Number(d)]!++;
    }
    expect(seen.size).toBe(500);
    // χ² over 8,000 digits, 9 degrees of freedom: 27.9 is the 0.999 quantile.
    const expected = 8000 / 10;
    expect(counts.reduce((x, c) => x + (c - expected) ** 2 / expected, 0)).toBeLessThan(27.9);
  });

  it('drawn from an idempotency key are 16 digits, the same for the same key and secret, different otherwise', async () => {
    const s = await sodium();
    const secret = s.randombytes_buf(32);
    const other = s.randombytes_buf(32);
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 22, maxLength: 255 }), fc.string({ minLength: 22, maxLength: 255 }), async (a, b) => {
        const r = await receiptFor(a, secret);
        expect(r).toMatch(new RegExp(`^\\d{${RECEIPT_DIGITS}}$`));
        expect(await receiptFor(a, secret)).toBe(r);
        expect(await receiptFor(a, other)).not.toBe(r);
        if (a !== b) expect(await receiptFor(b, secret)).not.toBe(r);
      }),
      { numRuns: 200 },
    );
    // χ² of the digits over 500 keys, as for random receipts.
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 500; i++) for (const d of await receiptFor(`key-${i}-${'x'.repeat(20)}`, secret)) counts[Number(d)]!++;
    expect(counts.reduce((x, c) => x + (c - 800) ** 2 / 800, 0)).toBeLessThan(27.9);
  });

  it('parse back from what people type, and refuse anything else', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{16}$/), (r) => {
        expect(parseReceipt(r)).toBe(r);
        expect(parseReceipt(`${r.slice(0, 4)} ${r.slice(4, 8)}-${r.slice(8, 12)} ${r.slice(12)}`)).toBe(r);
        expect(parseReceipt(r.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))))).toBe(r); // full-width digits
      }),
    );
    fc.assert(
      fc.property(fc.string(), (junk) => {
        fc.pre(/[^\s\d-]/u.test(junk.normalize('NFKC')));
        expect(parseReceipt(junk)).toBeUndefined();
      }),
    );
    expect(parseReceipt('123456789012345')).toBeUndefined();
    expect(parseReceipt('12345678901234567')).toBeUndefined();
  });

  it('hash to the same value under one salt only', async () => {
    const s = await sodium();
    const salt = s.randombytes_buf(SALT_BYTES);
    const r = await newReceipt();
    const h = await receiptHash(r, salt);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(await receiptHash(r, salt)).toBe(h);
    expect(await receiptHash(r, s.randombytes_buf(SALT_BYTES))).not.toBe(h);
    expect(h.includes(r)).toBe(false);
  });
});
