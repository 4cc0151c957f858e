import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_UNITS, passageSimilarity, passageUnits } from './passage-units';

test("a passage's units are its sentences, each with its heading, then the heading alone", () => {
  assert.deepEqual(
    passageUnits(['Shipping Policy', 'PO boxes'], 'We can deliver to PO boxes through USPS. Freight items need a street address.\nOvernight needs one too.'),
    ['PO boxes: We can deliver to PO boxes through USPS.', 'PO boxes: Freight items need a street address.', 'PO boxes: Overnight needs one too.', 'PO boxes'],
  );
  // A one-section document (a product page): its title is its heading.
  assert.deepEqual(passageUnits(['Wool socks'], 'Merino, knee high.'), ['Wool socks: Merino, knee high.', 'Wool socks']);
  // Table rules and bullets without words are not units.
  assert.deepEqual(passageUnits(['Prices', 'Methods'], '| --- | --- |\n| Standard | $6.95 |'), ['Methods: | Standard | $6.95 |', 'Methods']);
});

test('a passage of hundreds of lines is bounded', () => {
  const content = Array.from({ length: 400 }, (_, i) => `Line ${i} of the list.`).join('\n');
  assert.equal(passageUnits(['Doc', 'List'], content).length, MAX_UNITS);
});

test("a passage's similarity is the mean of its whole vector's and its best sentence's; without units, its whole vector's", () => {
  const query = new Float32Array([1, 0, 0]);
  const units = [new Float32Array([0, 1, 0]), new Float32Array([0.8, 0.6, 0])];
  assert.ok(Math.abs(passageSimilarity(query, 0.2, units) - (0.5 * 0.8 + 0.5 * 0.2)) < 1e-6);
  assert.equal(passageSimilarity(query, 0.2, undefined), 0.2);
  assert.equal(passageSimilarity(query, 0.2, []), 0.2);
});
