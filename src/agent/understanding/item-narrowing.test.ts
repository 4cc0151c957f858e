import assert from 'node:assert/strict';
import { test } from 'node:test';
import { narrowItems } from './item-narrowing';

const ITEMS = [
  { id: 'parka', title: 'Summit Down Parka' },
  { id: 'boots', title: 'Canyon Hiking Boots' },
  { id: 'lamp', title: 'Brass Table Lamp' },
];
const BOTH = ['parka', 'boots'];

test('the shopper narrows the items of a task in progress, in their own words', () => {
  assert.deepEqual(narrowItems('actually ill keep the parka, just the boots', ITEMS, BOTH), ['boots']);
  assert.deepEqual(narrowItems('not the parka', ITEMS, BOTH), ['boots']);
  assert.deepEqual(narrowItems("only the boots pls", ITEMS, BOTH), ['boots']);
  assert.deepEqual(narrowItems("on second thought i'm keeping the down parka", ITEMS, BOTH), ['boots']);
  assert.deepEqual(narrowItems('just the lamp actually', ITEMS, BOTH), ['lamp']);
  assert.deepEqual(narrowItems('everything except the lamp', ITEMS, ['parka', 'boots', 'lamp']), ['parka', 'boots']);
});

test('what changes nothing, or would leave nothing, is not a narrowing', () => {
  assert.equal(narrowItems('yes they are unused', ITEMS, BOTH), undefined);
  assert.equal(narrowItems('the parka and the boots', ITEMS, BOTH), undefined);
  assert.equal(narrowItems("i'll keep the parka and the boots", ITEMS, BOTH), undefined);
  assert.equal(narrowItems('not the parka', ITEMS, []), undefined);
  assert.equal(narrowItems('the boots are not what i expected', ITEMS, BOTH), undefined);
});
