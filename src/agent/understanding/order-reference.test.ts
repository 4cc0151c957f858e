import assert from 'node:assert/strict';
import { test } from 'node:test';
import { correctsOrder, orderReferences } from './order-reference';
import { readAddress } from './address';

const refs = (text: string, orderNumbers: string[], orderCandidates: string[] = []) => orderReferences(text, { orderNumbers, orderCandidates }, null);

test('a shopper who corrects the number in the same message means the corrected one', () => {
  assert.deepEqual(refs('I want to return the tote from 1221, no sorry, 1051', ['1221'], ['1051']), { named: [], candidates: ['1051'] });
  assert.deepEqual(refs('order 1221 i mean 1051', ['1221', '1051']), { named: ['1051'], candidates: [] });
  assert.deepEqual(refs('its 1051 not 1221', ['1221'], ['1051']), { named: [], candidates: ['1051'] });
  assert.deepEqual(refs('cancel #1203 - oops, make that #1163', ['1203', '1163']), { named: ['1163'], candidates: [] });
});

test('several orders with no correction are all kept', () => {
  assert.deepEqual(refs('where are 1125 and 1185?', ['1125', '1185']), { named: ['1125', '1185'], candidates: [] });
  assert.deepEqual(refs('keep 1150 but cancel 1152', ['1150', '1152']), { named: ['1150', '1152'], candidates: [] });
  assert.deepEqual(refs('order 1221 has no tracking', ['1221']), { named: ['1221'], candidates: [] });
});

test('a correction of the order number is read as one; another order asked about is not', () => {
  for (const text of ['oh sorry wrong one, i meant 1035', 'no its 1035', 'wrong order number, should be 1035']) assert.equal(correctsOrder(text), true, text);
  for (const text of ['where is 1035', 'and 1016?', 'cancel order 1095 please']) assert.equal(correctsOrder(text), false, text);
});

test('a bare order number before "to" is not the house number of the new address', () => {
  const address = readAddress('can u change the address on 1082 to 77 Lakeview Drive, Austin TX 78704');
  assert.equal(address?.address1, '77 Lakeview Drive');
  assert.equal(address?.zip, '78704');
});
