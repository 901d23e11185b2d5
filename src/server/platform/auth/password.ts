/**
 * Password hashing with Argon2id (OWASP parameters: 19 MiB, 2 passes, 1 lane).
 */
import { hash, verify } from '@node-rs/argon2';

// 2 = Algorithm.Argon2id (a const enum, which isolated modules cannot read).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the account does not exist, so a wrong username costs the same
// time as a wrong password and response times do not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('gongzhi-dummy-password');
  return dummyHash;
}

/** Minimum rules: 8+ characters, at least two of letters / digits / other characters. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return 'password_too_short';
  if (password.length > 256) return 'password_too_long';
  const kinds = [/[A-Za-z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
  return kinds >= 2 ? null : 'password_too_simple';
}
