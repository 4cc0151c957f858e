import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateKey } from './keyring';

/** The embedded default keeps its keys in the data folder, one per line, current first. */
export const keyringPath = (dataDir: string) => join(resolve(dataDir), 'encryption.keys');

export function readOrCreateKeyFile(dataDir: string): string[] {
  const path = keyringPath(dataDir);
  if (!existsSync(path)) {
    mkdirSync(resolve(dataDir), { recursive: true });
    writeFileSync(path, `${generateKey()}\n`, { mode: 0o600 });
  }
  return readKeyFile(path);
}

export function readKeyFile(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Puts a fresh key in front; the older ones stay until every value is re-encrypted. */
export function prependNewKey(dataDir: string): string[] {
  const keys = [generateKey(), ...readOrCreateKeyFile(dataDir)];
  writeFileSync(keyringPath(dataDir), `${keys.join('\n')}\n`, { mode: 0o600 });
  return keys;
}
