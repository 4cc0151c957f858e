import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { KeyKind } from './stores';

// A key reads `sk_<id>_<secret>`: the id finds the row, the secret is checked against its hash.
const KEY_PATTERN = /^(sk|pk)_([a-z0-9]{16})_([A-Za-z0-9_-]{43})$/;
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export interface MintedKey {
  id: string;
  kind: KeyKind;
  secret: string;
  prefix: string;
  secretHash: string;
}

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

function randomId(): string {
  const bytes = randomBytes(16);
  return Array.from(bytes, (byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join('');
}

/** Makes a new key; the plain secret leaves this function once, to be shown to its owner. */
export function mintKey(kind: KeyKind): MintedKey {
  const id = randomId();
  const tag = kind === 'secret' ? 'sk' : 'pk';
  const secret = `${tag}_${id}_${randomBytes(32).toString('base64url')}`;
  return { id, kind, secret, prefix: `${tag}_${id}`, secretHash: hashSecret(secret) };
}

export interface ParsedKey {
  kind: KeyKind;
  id: string;
}

/** Reads the kind and id from a presented key, or undefined when it is not shaped like one. */
export function parseKey(presented: string): ParsedKey | undefined {
  const match = KEY_PATTERN.exec(presented);
  if (!match) return undefined;
  return { kind: match[1] === 'sk' ? 'secret' : 'publishable', id: match[2]! };
}

/** Constant-time comparison of a presented key with the stored hash. */
export function secretMatches(presented: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
