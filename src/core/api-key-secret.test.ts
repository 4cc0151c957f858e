import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mintKey, parseKey, secretMatches } from './api-key-secret';

test('a minted key parses back to its kind and id and matches its hash', () => {
  const key = mintKey('secret');
  assert.match(key.secret, /^sk_[a-z0-9]{16}_/);
  assert.deepEqual(parseKey(key.secret), { kind: 'secret', id: key.id });
  assert.ok(secretMatches(key.secret, key.secretHash));
  assert.ok(!key.secretHash.includes(key.secret));
});

test('a widget key is publishable', () => {
  assert.equal(parseKey(mintKey('publishable').secret)?.kind, 'publishable');
});

test('malformed keys and wrong secrets are refused', () => {
  const key = mintKey('secret');
  assert.equal(parseKey('sk_short'), undefined);
  assert.equal(parseKey(`${key.secret}x`), undefined);
  assert.equal(parseKey('Bearer nothing'), undefined);
  const other = mintKey('secret');
  assert.ok(!secretMatches(other.secret, key.secretHash));
});
