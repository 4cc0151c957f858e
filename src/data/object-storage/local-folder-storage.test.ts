import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { linkSigner } from '../../core/signed-link';
import { localFolderStorage } from './local-folder-storage';

test('local folder storage keeps bytes and type per store, and refuses keys that leave the store', async () => {
  const root = mkdtempSync(join(tmpdir(), 'concierge-objects-'));
  try {
    const storage = localFolderStorage(root, linkSigner(Buffer.alloc(32, 7)), 'http://127.0.0.1:3000');
    const [a, b] = [randomUUID(), randomUUID()];
    await storage.put(a, 'email/x/photo.jpg', new Uint8Array([1, 2, 3]), 'image/jpeg');
    assert.deepEqual(await storage.get(a, 'email/x/photo.jpg'), { body: new Uint8Array([1, 2, 3]), contentType: 'image/jpeg' });
    assert.equal(await storage.get(b, 'email/x/photo.jpg'), undefined, 'another store does not see it');
    await assert.rejects(storage.put(a, '../' + b + '/evil', new Uint8Array(), 'text/plain'), /object key/);
    await assert.rejects(storage.get('../not-a-store', 'x'), /object key/);
    await storage.delete(a, 'email/x/photo.jpg');
    assert.equal(await storage.get(a, 'email/x/photo.jpg'), undefined);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
