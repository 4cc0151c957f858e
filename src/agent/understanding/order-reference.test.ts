import assert from 'node:assert/strict';
import { test } from 'node:test';
import { orderReferences } from './order-reference';

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
