import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createKeyring, generateKey } from './keyring';

test('a sealed value opens with the same key and associated data', () => {
  const ring = createKeyring([generateKey()]);
  const sealed = ring.seal('shpat_secret', 'store-1:shopify');
  assert.equal(sealed.kid, ring.currentKeyId);
  assert.notEqual(sealed.ct, Buffer.from('shpat_secret').toString('base64'));
  assert.equal(ring.open(sealed, 'store-1:shopify'), 'shpat_secret');
});

test('a value moved to another store does not open', () => {
  const ring = createKeyring([generateKey()]);
  const sealed = ring.seal('secret', 'store-1:stripe');
  assert.throws(() => ring.open(sealed, 'store-2:stripe'));
});

test('a tampered ciphertext does not open', () => {
  const ring = createKeyring([generateKey()]);
  const sealed = ring.seal('secret', 'a');
  const ct = Buffer.from(sealed.ct, 'base64');
  ct[0] = ct[0]! ^ 1;
  assert.throws(() => ring.open({ ...sealed, ct: ct.toString('base64') }, 'a'));
});

test('after rotation old values still open and new values use the new key', () => {
  const oldKey = generateKey();
  const before = createKeyring([oldKey]);
  const sealed = before.seal('secret', 'a');
  const after = createKeyring([generateKey(), oldKey]);
  assert.equal(after.open(sealed, 'a'), 'secret');
  assert.notEqual(after.seal('secret', 'a').kid, sealed.kid);
  assert.throws(() => createKeyring([generateKey()]).open(sealed, 'a'), /no encryption key/);
});

test('a key of the wrong length is refused', () => {
  assert.throws(() => createKeyring([Buffer.alloc(16).toString('base64')]), /32 bytes/);
});
