/**
 * Sealing content at rest (issue #5): what a database dump must not show.
 *
 * - `seal` / `unseal`: a sealed box to a public key. Anyone holding the public key can seal
 *   (a reporter adding material later); only the private key opens.
 * - `lock` / `unlock`: a secretbox under a symmetric key (a private key kept under a key
 *   derived from a password or a receipt), the random nonce in front.
 * - `wrapKey` / `unwrapKey`: a private key locked under a key derived from a secret with a
 *   fresh salt, as one self-describing value.
 *
 * Every opener throws `SealError` on a wrong key or any changed byte (Poly1305 tag).
 */
import { deriveKey, SALT_BYTES } from './kdf.js';
import { sodium } from './sodium.js';

export class SealError extends Error {
  constructor(what: string) {
    super(`cannot open ${what}: wrong key or damaged data`);
  }
}

export interface KeyPair {
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

export async function newKeyPair(): Promise<KeyPair> {
  const s = await sodium();
  const { publicKey, privateKey } = s.crypto_box_keypair();
  return { publicKey, privateKey };
}

/** The public key of a private key (X25519 base-point multiplication). */
export async function publicKeyOf(privateKey: Uint8Array): Promise<Uint8Array> {
  return (await sodium()).crypto_scalarmult_base(privateKey);
}

export async function seal(plain: Uint8Array | string, publicKey: Uint8Array): Promise<Uint8Array> {
  return (await sodium()).crypto_box_seal(plain, publicKey);
}

export async function unseal(sealed: Uint8Array, keys: KeyPair): Promise<Uint8Array> {
  const s = await sodium();
  try {
    return s.crypto_box_seal_open(sealed, keys.publicKey, keys.privateKey);
  } catch {
    throw new SealError('sealed box');
  }
}

export async function lock(plain: Uint8Array | string, key: Uint8Array): Promise<Uint8Array> {
  const s = await sodium();
  const nonce = s.randombytes_buf(s.crypto_secretbox_NONCEBYTES);
  const box = s.crypto_secretbox_easy(plain, nonce, key);
  const out = new Uint8Array(nonce.length + box.length);
  out.set(nonce);
  out.set(box, nonce.length);
  return out;
}

export async function unlock(locked: Uint8Array, key: Uint8Array): Promise<Uint8Array> {
  const s = await sodium();
  const n = s.crypto_secretbox_NONCEBYTES;
  if (locked.length < n + s.crypto_secretbox_MACBYTES) throw new SealError('locked box');
  try {
    return s.crypto_secretbox_open_easy(locked.subarray(n), locked.subarray(0, n), key);
  } catch {
    throw new SealError('locked box');
  }
}

/** A private key locked under a key derived from `secret`: salt ‖ nonce ‖ box. */
export async function wrapKey(privateKey: Uint8Array, secret: string): Promise<Uint8Array> {
  const salt = (await sodium()).randombytes_buf(SALT_BYTES);
  const locked = await lock(privateKey, await deriveKey(secret, salt));
  const out = new Uint8Array(SALT_BYTES + locked.length);
  out.set(salt);
  out.set(locked, SALT_BYTES);
  return out;
}

export async function unwrapKey(wrapped: Uint8Array, secret: string): Promise<Uint8Array> {
  if (wrapped.length <= SALT_BYTES) throw new SealError('wrapped key');
  const key = await deriveKey(secret, wrapped.subarray(0, SALT_BYTES));
  return unlock(wrapped.subarray(SALT_BYTES), key);
}

export const utf8 = (bytes: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(bytes);
