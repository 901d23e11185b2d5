/**
 * libsodium (libsodium-wrappers: the audited C library compiled to WebAssembly), loaded once.
 * Sealed boxes (X25519 + XSalsa20-Poly1305) and secretbox are what GlobaLeaks-class systems
 * use; key derivation from passwords and receipts is Argon2id (kdf.ts), which this build of
 * libsodium leaves out.
 */
import _sodium from 'libsodium-wrappers';

export type Sodium = typeof _sodium;

let loaded: Promise<Sodium> | undefined;

export function sodium(): Promise<Sodium> {
  loaded ??= _sodium.ready.then(() => _sodium);
  return loaded;
}
