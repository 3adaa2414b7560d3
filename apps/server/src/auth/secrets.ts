import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A new random credential with a prefix that says what it is ("ses_", "tk_", "link_"…), so a
 * leaked one is recognisable in a log or a secret scanner. 192 bits from the OS's CSPRNG.
 */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString('base64url')}`;
}

/** What is stored of a random credential: its SHA-256. The credential itself is never stored. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares two hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
