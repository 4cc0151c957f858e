import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkSigner } from './signed-link';

const links = linkSigner(Buffer.alloc(32, 7));
const storeId = '7d3f0c1e-0000-4000-8000-000000000001';
const key = 'labels/RMA-1001.pdf';

const parse = (link: string) => {
  const url = new URL(link, 'http://x');
  return { expires: url.searchParams.get('expires') ?? undefined, signature: url.searchParams.get('signature') ?? undefined, path: url.pathname };
};

test('a signed link names the object in its path and verifies until it expires', () => {
  const link = parse(links.sign({ storeId, key, expiresAt: 2_000_000_000 }));
  assert.equal(link.path, `/files/${storeId}/labels/RMA-1001.pdf`);
  assert.deepEqual(links.verify(storeId, key, link.expires, link.signature, 1_999_999_999), { ok: true });
  assert.deepEqual(links.verify(storeId, key, link.expires, link.signature, 2_000_000_000), { ok: false, reason: 'expired' });
});

test('another key, store, expiry or signing secret, or a missing part, is refused as invalid', () => {
  const { expires, signature } = parse(links.sign({ storeId, key, expiresAt: 2_000_000_000 }));
  const invalid = { ok: false, reason: 'invalid' };
  assert.deepEqual(links.verify(storeId, 'labels/RMA-1002.pdf', expires, signature, 0), invalid);
  assert.deepEqual(links.verify('7d3f0c1e-0000-4000-8000-000000000002', key, expires, signature, 0), invalid);
  assert.deepEqual(links.verify(storeId, key, String(Number(expires) + 3600), signature, 0), invalid, 'extended expiry');
  assert.deepEqual(links.verify(storeId, key, expires, `${signature!.slice(0, -1)}${signature!.endsWith('A') ? 'B' : 'A'}`, 0), invalid);
  assert.deepEqual(linkSigner(Buffer.alloc(32, 8)).verify(storeId, key, expires, signature, 0), invalid);
  assert.deepEqual(links.verify(storeId, key, undefined, signature, 0), invalid);
  assert.deepEqual(links.verify(storeId, key, expires, undefined, 0), invalid);
  assert.deepEqual(links.verify(storeId, key, '12abc', signature, 0), invalid);
});
