import assert from 'node:assert/strict';
import { test } from 'node:test';
import { itemsSaidMissing } from './missing-items';
import { productsMentioned } from './product-mentions';
import { readRefundReason } from './refund-reason';
import { readSituation } from './situation';

test('an item said missing with "but NO lamp" is a missing item, and the lamp is the one', () => {
  const text = 'box came yesterday, two scarves and the mug were in it but NO lamp';
  assert.equal(readSituation(text), 'missing_item');
  assert.deepEqual(itemsSaidMissing(text, ['Cashmere Scarf', 'Brass Table Lamp', 'Enamel Camp Mug']), ['Brass Table Lamp']);
  assert.notEqual(readSituation('the lamp came but no bulb was included, is that normal?'), 'damaged');
});

test('a part coming off after little use is a defect, read as the situation and as the refund reason', () => {
  for (const text of ['wore my new boots twice and the sole is already peeling off one of them', 'the strap came off after a week', 'the seams are coming apart', 'the scarf is fraying already']) {
    assert.equal(readSituation(text), 'defective', text);
    assert.equal(readRefundReason(text), 'defective', text);
  }
});

test('"the sleeping bag" names the bag; "my bag", "credit card" name no product', () => {
  const heads = new Set(['bag', 'card', 'lamp', 'tote']);
  assert.deepEqual(productsMentioned('the tote bag from 1098 arrived torn', heads), ['tote']);
  assert.deepEqual(productsMentioned('can you cancel the sleeping bag order', heads), ['bag']);
  assert.deepEqual(productsMentioned('refund it to my credit card', heads), []);
  assert.deepEqual(productsMentioned('i left it in my bag', heads), []);
});
