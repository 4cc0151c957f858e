import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { checkedObjectKey, fileLinkOf } from '../../core/object-key';
import type { ObjectStorage } from '../../core/ports/object-storage';
import type { LinkSigner } from '../../core/signed-link';

/**
 * Files in a local folder (the embedded default: `<data dir>/objects/<store id>/<key>`), the
 * content type beside each in `<key>.type`. Links are signed and served by the gateway.
 */
export function localFolderStorage(root: string, links: LinkSigner, publicUrl: string, now: () => number = Date.now): ObjectStorage {
  const base = resolve(root);
  const pathOf = (storeId: string, key: string) => {
    const path = join(base, checkedObjectKey(storeId), checkedObjectKey(key));
    if (!path.startsWith(`${base}/`)) throw new Error('object path escapes the storage folder');
    return path;
  };
  return {
    async put(storeId, key, body, contentType) {
      const path = pathOf(storeId, key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(`${path}.type`, contentType);
      await writeFile(path, body);
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
    async signedUrl(storeId, key, ttlSeconds) {
      checkedObjectKey(key);
      return fileLinkOf(publicUrl, links.sign({ storeId, key, expiresAt: now() + ttlSeconds * 1000 }));
    },
  };
}

/** Where the embedded default keeps files: `<data dir>/objects` (a temporary folder for `memory://`). */
export const objectsFolder = (dataDir: string, fallback: string) => (dataDir.startsWith('memory://') ? fallback : join(resolve(dataDir), 'objects'));
