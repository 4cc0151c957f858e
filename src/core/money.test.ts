import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatMoney, toCents, toMajor } from './money';

test('major ↔ minor units without floating point drift', () => {
  assert.equal(toCents('49.99'), 4999);
  assert.equal(toCents('0.1'), 10);
  assert.equal(toCents(19.99), 1999);
  assert.equal(toCents('1000'), 100000);
  assert.equal(toCents('-5.5'), -550);
  assert.equal(toCents('1200', 'JPY'), 1200);
  assert.equal(toMajor(4999), '49.99');
  assert.equal(toMajor(5), '0.05');
  assert.equal(toMajor(-550), '-5.50');
  assert.throws(() => toCents('abc'));
});

test('formatted for people', () => {
  assert.equal(formatMoney(4999, 'USD'), '$49.99');
  assert.equal(formatMoney(1200, 'JPY'), '¥1,200');
});
