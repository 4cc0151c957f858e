import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ordersPlacedAt, readOrderDate } from './order-date';

// Monday, December 7 2026, 15:00 UTC.
const NOW = new Date('2026-12-07T15:00:00Z');
const order = (name: string, iso: string) => ({ name, createdAt: new Date(iso) });
const MINE = [
  order('#1001', '2026-12-06T09:00:00Z'), // yesterday (Sunday)
  order('#1002', '2026-12-03T20:00:00Z'), // Thursday, last week
  order('#1003', '2026-12-03T08:00:00Z'), // Thursday, last week
  order('#1004', '2026-11-20T10:00:00Z'),
];
const pick = (text: string) => {
  const when = readOrderDate(text, NOW);
  return when ? ordersPlacedAt(MINE, when).map((o) => o.name) : null;
};

test('an order named by when it was placed, in shoppers words', () => {
  assert.deepEqual(pick('wheres the one from yesterday'), ['#1001']);
  assert.deepEqual(pick('i need to return the order i placed yesterday'), ['#1001']);
  assert.deepEqual(pick("what's up with my last order"), ['#1001']);
  assert.deepEqual(pick('can you check my most recent order pls'), ['#1001']);
  // last week: Monday to Sunday before this one (yesterday, a Sunday, is in it)
  assert.deepEqual(pick('the order I placed last week hasnt shipped'), ['#1001', '#1002', '#1003']);
  assert.deepEqual(pick('i ordered a jacket on thursday, where is it'), ['#1002', '#1003']);
  assert.deepEqual(pick('stuff i bought on nov 20'), ['#1004']);
  assert.deepEqual(pick('the one from 20th november'), ['#1004']);
  assert.deepEqual(pick('the order from 4 days ago'), ['#1002', '#1003']);
  assert.deepEqual(pick('cancel what i ordered today'), []);
  assert.deepEqual(pick("yesterday's order"), ['#1001']);
});

test('dates that are not about placing the order are not read as one', () => {
  for (const text of ['it was delivered yesterday but i never got it', 'it was supposed to arrive on monday', 'where is order 1043', 'i want to return the boots', 'tracking said last week it was out for delivery']) {
    assert.equal(readOrderDate(text, NOW), null, text);
  }
});

test('"on monday" said on a Monday is last Monday; a month-day ahead of today is last year', () => {
  const monday = readOrderDate('the order i placed on monday', NOW);
  assert.equal(monday?.kind === 'placed' && monday.from.toISOString(), '2026-11-30T00:00:00.000Z');
  const dec20 = readOrderDate('what i bought on december 20', NOW);
  assert.equal(dec20?.kind === 'placed' && dec20.from.toISOString(), '2025-12-20T00:00:00.000Z');
});
