import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import type { SealedValue, Sealer } from '../../core/sealed-value';

export type { SealedValue };

/** Seals with the current key; opens with any key it holds. */
export interface Keyring extends Sealer {
  hasKey(kid: string): boolean;
  /** A secret derived from the current key for another purpose (e.g. signing tokens). */
  derive(label: string): string;
}

/** The key id is a digest of the key, so it needs no bookkeeping and never reveals the key. */
export const keyIdOf = (key: Buffer): string => createHash('sha256').update(key).digest('hex').slice(0, 12);

export const generateKey = (): string => randomBytes(32).toString('base64');

/**
 * Builds a keyring from base64 keys, the current one first; older keys only open values.
 * The associated data binds a value to its owner (store and provider), so a sealed value
 * copied into another store's row does not open.
 */
export function createKeyring(base64Keys: string[]): Keyring {
  if (base64Keys.length === 0) throw new Error('the keyring needs at least one key');
  const keys = new Map<string, Buffer>();
  for (const encoded of base64Keys) {
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== 32) throw new Error('an encryption key must be 32 bytes, base64-encoded');
    keys.set(keyIdOf(key), key);
  }
  const [currentKeyId] = keys.keys() as IterableIterator<string>;
  const current = keys.get(currentKeyId!)!;
  return {
    currentKeyId: currentKeyId!,
    hasKey: (kid) => keys.has(kid),
    derive: (label) => Buffer.from(hkdfSync('sha256', current, Buffer.alloc(0), label, 32)).toString('base64'),
    seal(plaintext, associatedData) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      cipher.setAAD(Buffer.from(associatedData));
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return { v: 1, kid: currentKeyId!, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') };
    },
    open(sealed, associatedData) {
      const key = keys.get(sealed.kid);
      if (!key) throw new Error(`no encryption key with id ${sealed.kid} is configured`);
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAAD(Buffer.from(associatedData));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}
