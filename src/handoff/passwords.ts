// Advisor passwords: scrypt hashes "scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>". The cost parameters
// travel with the hash, so they can be raised later without invalidating existing ones.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 32768;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))));
}

const maxmem = (n: number, r: number) => 128 * n * r * 2;

export const MIN_PASSWORD_LENGTH = 12;

/** French reason why a password is refused, or undefined when acceptable. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Le mot de passe doit contenir au moins ${MIN_PASSWORD_LENGTH} caractères.`;
  if (password.length > 256) return 'Le mot de passe est trop long (256 caractères au plus).';
  return undefined;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { N, r: R, p: P, maxmem: maxmem(N, R) });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export const HASH_PATTERN = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/;

/** A hash of a random password, verified against when the login is unknown (same timing). */
let dummyHash: Promise<string> | undefined;

/** Constant-time check; false for a malformed hash or absent hash (verified against a dummy). */
export async function verifyPassword(password: string, hash: string | undefined): Promise<boolean> {
  if (!hash || !HASH_PATTERN.test(hash)) {
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await verifyPassword(password, await dummyHash);
    return false;
  }
  const [, n, r, p, saltB64, keyB64] = hash.split('$');
  const expected = Buffer.from(keyB64!, 'base64');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (cost.N > 1 << 20 || cost.r > 32 || cost.p > 16 || expected.length < 16) return false;
  const key = await scrypt(password.slice(0, 256), Buffer.from(saltB64!, 'base64'), expected.length, {
    ...cost,
    maxmem: maxmem(cost.N, cost.r),
  });
  return timingSafeEqual(key, expected);
}
