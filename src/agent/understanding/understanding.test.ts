import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readAddress } from './address';
import { readConfirmation } from './confirmation';
import { readItemChoice } from './item-choice';
import { findPostalCode, samePostalCode } from './postal-code';
import { readRefundReason } from './refund-reason';

test('yes and no, the way people answer', () => {
  for (const yes of ['yes', 'Yes please', 'yep', 'sure, go ahead', 'ok', 'YES!!', 'do it']) assert.equal(readConfirmation(yes), true, yes);
  for (const no of ['no', 'nope', "don't", 'no thanks', 'wait', 'never mind']) assert.equal(readConfirmation(no), false, no);
  for (const neither of ['where is my order', 'maybe later today?']) assert.equal(readConfirmation(neither), undefined, neither);
});

test('choosing among items', () => {
  const options = [
    { id: 'a', title: 'Alpine Rain Jacket' },
    { id: 'b', title: 'Stoneware Mug' },
    { id: 'c', title: 'Wool Socks' },
  ];
  assert.deepEqual(readItemChoice('the second one', options), ['b']);
  assert.deepEqual(readItemChoice('2', options), ['b']);
  assert.deepEqual(readItemChoice('both', options), ['a', 'b', 'c']);
  assert.deepEqual(readItemChoice('the mug please', options), ['b']);
  assert.deepEqual(readItemChoice('jacket and socks', options), ['a', 'c']);
  assert.deepEqual(readItemChoice('the last one', options), ['c']);
  assert.equal(readItemChoice('hmm not sure', options), undefined);
});

test('postal codes, not order numbers', () => {
  assert.equal(findPostalCode('my zip is 62704'), '62704');
  assert.equal(findPostalCode('postcode SW1A 1AA'), 'SW1A 1AA');
  assert.equal(findPostalCode('K1A 0B6'), 'K1A 0B6');
  assert.equal(findPostalCode('order 10421', ['10421']), undefined);
  assert.ok(samePostalCode('sw1a1aa', 'SW1A 1AA'));
});

test('refund reasons', () => {
  assert.equal(readRefundReason('the mug arrived broken'), 'damaged');
  assert.equal(readRefundReason('it never arrived'), 'not_received');
  assert.equal(readRefundReason('the zipper stopped working'), 'defective');
  assert.equal(readRefundReason('you sent me the wrong size'), 'wrong_item');
  assert.equal(readRefundReason("I changed my mind"), 'changed_mind');
  assert.equal(readRefundReason('refund please'), undefined);
});

test('addresses', () => {
  assert.deepEqual(readAddress('ship it to 221 Baker Street, Apt 2, Springfield, IL 62704'), {
    address1: '221 Baker Street',
    address2: 'Apt 2',
    city: 'Springfield',
    province: 'IL',
    zip: '62704',
    country: 'US',
  });
  assert.equal(readAddress('12 Queen St W\nToronto\nON M5H 2N2\nCanada')?.country, 'CA');
  // A street whose name starts with a digit, and one with markup (read whole, so the policy can refuse it as not plain text).
  assert.equal(readAddress('12 5th Avenue, New York, NY 10011')?.address1, '12 5th Avenue');
  assert.equal(readAddress('45 <img src=x> Elm Street, Austin, TX 78701')?.zip, '78701');
  assert.equal(readAddress('to my office please'), undefined);
});
