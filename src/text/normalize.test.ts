import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeText } from './normalize';

test('a social handle becomes one token; e-mail addresses, order numbers and links keep theirs', () => {
  assert.equal(normalizeText('@united where is my bag').trim(), 'mentiontoken  where is my bag');
  assert.match(normalizeText('@user @user thanks!'), /^ ?mentiontoken +mentiontoken +thanks!$/);
  assert.match(normalizeText('hi (@NorthwindShop) order #1042'), /\( mentiontoken \) order +ordertoken/);
  assert.match(normalizeText('write to ann@example.com'), /emailtoken/);
  assert.doesNotMatch(normalizeText('write to ann@example.com'), /mentiontoken/);
  assert.match(normalizeText('see https://x.com/@shop/status/1'), /urltoken/);
  assert.doesNotMatch(normalizeText('see https://x.com/@shop/status/1'), /mentiontoken/);
});
