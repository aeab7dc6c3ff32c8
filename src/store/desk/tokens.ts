import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * API tokens: `cc_<id>_<secret>`. The id finds the user; the secret is kept only as a scrypt
 * hash (RFC 7914; N=2^14, r=8, p=1, a 16-byte salt), so a copy of the database gives no token.
 * The token is shown once, when the user is added.
 *
 * @example
 * const { token, tokenId, tokenHash } = await newToken();
 * await verifyToken(token, tokenHash) // => true
 */
const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

function scryptAsync(secret: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(secret, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))));
}

export interface ParsedToken {
  readonly tokenId: string;
  readonly secret: string;
}

/** The parts of a token, or null for anything that is not one (no error detail: the caller answers 401 either way). */
export function parseToken(token: string): ParsedToken | null {
  const m = /^cc_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/.exec(token);
  return m ? { tokenId: m[1]!, secret: m[2]! } : null;
}

export async function hashSecret(secret: string, salt: Buffer = randomBytes(16)): Promise<string> {
  const key = await scryptAsync(secret, salt, KEY_BYTES, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** A new token and what is stored of it. */
export async function newToken(): Promise<{ token: string; tokenId: string; tokenHash: string }> {
  const tokenId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { token: `cc_${tokenId}_${secret}`, tokenId, tokenHash: await hashSecret(secret) };
}

/** Whether `token` is the one `tokenHash` was made from (constant-time comparison). */
export async function verifyToken(token: string, tokenHash: string): Promise<boolean> {
  const parsed = parseToken(token);
  const m = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/.exec(tokenHash);
  if (!parsed || !m) return false;
  const expected = Buffer.from(m[5]!, 'base64url');
  const key = await scryptAsync(parsed.secret, Buffer.from(m[4]!, 'base64url'), expected.length, { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]), maxmem: 64 * 1024 * 1024 });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A fingerprint of a token for an in-memory cache of verified tokens (never stored). */
export function tokenFingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
