import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { AppError } from '../../core/errors';
import type { ObjectStorage } from '../../core/ports/object-storage';

const SAFE_KEY = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/**
 * Objects as files under `<root>/<storeId>/<key>` (the embedded default), with the content type in a
 * sidecar file. Keys are checked so no key escapes its store's folder. Signed links are not served yet.
 */
export function localFolderStorage(root: string): ObjectStorage {
  const base = resolve(root);
  function pathOf(storeId: string, key: string): string {
    if (!/^[0-9a-f-]{36}$/i.test(storeId) || !SAFE_KEY.test(key) || key.split('/').some((part) => part === '..' || part === '.'))
      throw new AppError('bad_request', 'object key must be letters, digits, dots, dashes, underscores and slashes');
    const path = resolve(base, storeId, key);
    if (!path.startsWith(`${base}${sep}${storeId}${sep}`)) throw new AppError('bad_request', 'object key leaves its store');
    return path;
  }
  return {
    async put(storeId, key, body, contentType) {
      const path = pathOf(storeId, key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, body);
      await writeFile(`${path}.type`, contentType);
      return { key, contentType, size: body.byteLength };
    },
    async get(storeId, key) {
      const path = pathOf(storeId, key);
      try {
        const [body, contentType] = await Promise.all([readFile(path), readFile(`${path}.type`, 'utf8')]);
        return { body: new Uint8Array(body), contentType };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async delete(storeId, key) {
      const path = pathOf(storeId, key);
      await rm(path, { force: true });
      await rm(`${path}.type`, { force: true });
    },
    async signedUrl() {
      throw new AppError('unavailable', 'links to stored files are not served yet in the embedded default');
    },
  };
}

/** Where the embedded default keeps files: `<data dir>/objects` (a temporary folder for `memory://`). */
export const objectsFolder = (dataDir: string, fallback: string) => (dataDir.startsWith('memory://') ? fallback : join(resolve(dataDir), 'objects'));
