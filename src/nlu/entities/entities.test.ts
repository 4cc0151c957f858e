import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractEntities } from './index';

const ref = new Date('2026-11-25T10:00:00Z'); // a Wednesday
const run = (text: string) => extractEntities(text, { referenceDate: ref });

test('order numbers in their common forms', () => {
  const cases: [string, string[]][] = [
    ['where is my order #1042', ['1042']],
    ['order 1042 still not here', ['1042']],
    ['Order number: 55821', ['55821']],
    ['my ordr no. 1042 pls', ['1042']],
    ['order W2378156 arrived broken', ['W2378156']],
    ['Amazon order 112-4567890-1234567', ['112-4567890-1234567']],
    ['ref ORD-55821', ['ORD-55821']],
    ['1042', ['1042']],
    ['#1042 and #1043', ['1042', '1043']],
    ['cancel 1042 and refund the shipping', ['1042']],
  ];
  for (const [text, expected] of cases) assert.deepEqual(run(text).orderNumbers, expected, text);
});

test('things that look like order numbers but are not', () => {
  const cases = [
    'it cost $1042 and I want it back',
    'I paid 49.99 USD',
    'I have been a customer since 2019',
    'call me on 555-123-4567',
    'call me at +44 20 7946 0958',
    'the 2 mugs broke',
    'tracking 1Z999AA10123456784',
    'my zip is 62704 if that helps',
  ];
  for (const text of cases) assert.equal(run(text).orderNumbers, undefined, text);
  for (const text of cases) assert.equal(extractEntities(text, { referenceDate: ref, expectingOrderNumber: true }).orderNumbers, undefined, `${text} (when one is expected)`);
});

test('an order number given in answer to the question', () => {
  const cases: [text: string, expected: string | undefined][] = [
    ["it's 1003", '1003'],
    ['sure, #1042 I think', '1042'],
    ['the number is 58812 thanks', '58812'],
    ['I paid $1200 for it', undefined],
    ['call me on 5551234567', undefined],
    ['bought it in 2024', undefined],
    ['I ordered 3 mugs', undefined],
    ['I have no idea', undefined],
  ];
  for (const [text, expected] of cases) assert.equal(extractEntities(text, { referenceDate: ref, expectingOrderNumber: true }).orderNumbers?.[0], expected, text);
  assert.equal(run("it's 1003").orderNumbers, undefined, 'out of that context a bare number is not an order number');
});

test('order numbers as people write them: long ids, leading zeros, several, in passing', () => {
  const certain: [string, string[]][] = [
    ['order 113542617735902 never came', ['113542617735902']],
    ['the purchase 00004587345 is wrong', ['00004587345']],
    ["#1002's box was crushed", ['1002']],
    ['orders #5521 and #5522 are both late', ['5521', '5522']],
    ['invoice number INV-2291 for order 4410', ['4410']],
  ];
  for (const [text, expected] of certain) assert.deepEqual(run(text).orderNumbers, expected, text);
  // Bare numbers in context: candidates the store's own orders confirm.
  const candidates: [string, string[]][] = [
    ['its 1023', ['1023']],
    ['the scarf from 1002 was torn', ['1002']],
    ['the beanie in 1046 and the mug in 1047', ['1046', '1047']],
  ];
  for (const [text, expected] of candidates) assert.deepEqual([...(run(text).orderNumbers ?? []), ...(run(text).orderCandidates ?? [])], expected, text);
});

test('numbers that name something else are not even candidates', () => {
  const cases = [
    'invoice #85632 is missing the VAT',
    'my bill 44321 looks wrong',
    'RMA 5521 status?',
    'card ending 4242 was charged twice',
    'I have 1500 followers and this is how you treat me',
    'the parcel weighs 1200 grams',
    'I called at 1030 this morning',
    'are you open 0900 to 1700?',
    'it says error 5003 at checkout',
    'customer number 882211',
    'model 4410 or 4420, which is better',
    'I spent 1299 on this',
  ];
  for (const text of cases) {
    const e = run(text);
    assert.deepEqual([...(e.orderNumbers ?? []), ...(e.orderCandidates ?? [])], [], text);
  }
});

test('e-mails, phones, tracking numbers, amounts', () => {
  const e = run('Jane.Doe@Example.com here, phone (555) 123-4567, UPS 1Z999AA10123456784, USPS 9400111899223847539812, paid $49.99 and 35 euros');
  assert.deepEqual(e.emails, ['jane.doe@example.com']);
  assert.deepEqual(e.phones, ['(555) 123-4567']);
  assert.deepEqual(e.trackingNumbers, ['1Z999AA10123456784', '9400111899223847539812']);
  assert.deepEqual(e.amounts, ['49.99 USD', '35.00 EUR']);
  assert.deepEqual(run('fedex tracking 123456789012').trackingNumbers, ['123456789012']);
  assert.deepEqual(run('DHL JD014600006281234567').trackingNumbers, ['JD014600006281234567']);
  assert.deepEqual(run('£15 refund').amounts, ['15.00 GBP']);
  // Read whole: "$5000" is not $500 (a shopper asking for more than the order is refused as asked, not shrunk).
  assert.deepEqual(run('refund $5000 on order 1005').amounts, ['5000.00 USD']);
  assert.deepEqual(run('refund $5,000.50 please').amounts, ['5000.50 USD']);
  assert.deepEqual(run('give me $1234567').amounts, ['1234567.00 USD']);
});

test('dates, relative ones resolved against the reference date', () => {
  assert.deepEqual(run('I ordered it last Tuesday').dates, ['2026-11-24']);
  assert.deepEqual(run('it shipped last Monday').dates, ['2026-11-23']);
  assert.deepEqual(run('it came yesterday').dates, ['2026-11-24']);
  assert.deepEqual(run('ordered on March 14').dates, ['2026-03-14']);
  assert.deepEqual(run('placed 3 days ago').dates, ['2026-11-22']);
  assert.deepEqual(run('due 2026-12-01').dates, ['2026-12-01']);
  assert.deepEqual(run('bought it on the 3rd').dates, ['2026-11-03']);
  assert.deepEqual(run('arrives next Friday').dates, ['2026-11-27']);
});

test('quantities, sizes, colours', () => {
  const e = run('can I swap the 2 mugs for a size M jacket in navy blue');
  assert.deepEqual(e.quantities, ['2']);
  assert.deepEqual(e.sizes, ['M']);
  assert.deepEqual(e.colors, ['navy blue']);
  assert.deepEqual(run('do you have it in XL?').sizes, ['XL']);
  assert.equal(run('waited 3 days').quantities, undefined);
  // "one" as a pronoun is not a quantity.
  assert.equal(run("I don't want a refund, just send me a new one for order #1042").quantities, undefined);
  assert.equal(run('the blue one with the hood').quantities, undefined);
  assert.deepEqual(run('I need two more mugs').quantities, ['2']);
});

test('products resolved against the catalog', () => {
  const catalog = [
    { id: 'p1', title: 'Alpine Rain Jacket' },
    { id: 'p2', title: 'Stoneware Coffee Mug' },
    { id: 'p3', title: 'Trail Running Shoes', aliases: ['runners'] },
  ];
  assert.deepEqual(extractEntities('is the rain jacket waterproof?', { referenceDate: ref, catalog }).products, ['Alpine Rain Jacket']);
  assert.deepEqual(extractEntities('my mugs arrived cracked', { referenceDate: ref, catalog }).products, ['Stoneware Coffee Mug']);
  assert.deepEqual(extractEntities('the runners are too small', { referenceDate: ref, catalog }).products, ['Trail Running Shoes']);
  assert.equal(extractEntities('hello there', { referenceDate: ref, catalog }).products, undefined);
});
