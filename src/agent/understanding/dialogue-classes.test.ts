import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isBareAcknowledgement } from './acknowledgement';
import { bareNumbers } from './bare-numbers';
import { readConfirmation } from './confirmation';
import { itemsSaidMissing } from './missing-items';
import { readPolicyQuestion } from './policy-question';
import { readRefundReason } from './refund-reason';
import { readSituation } from './situation';
import { readSizeAnswer, readSizesWanted, sizeOffered } from './size-wanted';

describe('dialogue classes (ADR 0032)', () => {
  it('reads the size asked for, never a fit word', () => {
    assert.deepEqual(readSizesWanted('swap my trail shoes for a 10, they run small'), ['10']);
    assert.deepEqual(readSizesWanted('exchange for a 9 1/2 pls'), ['9.5']);
    assert.deepEqual(readSizesWanted('I need an EU 42'), ['EU 42']);
    assert.deepEqual(readSizesWanted('can I get it in a medium'), ['M']);
    assert.deepEqual(readSizesWanted('they are way too large'), []);
    assert.equal(readSizeAnswer('medium please'), 'M');
    assert.equal(readSizeAnswer('ok a 10 then'), '10');
    assert.equal(readSizeAnswer('yes'), undefined);
  });

  it('checks a size against what the product comes in', () => {
    const shoes = ['7', '8', '9', '10', '11', '12'];
    assert.equal(sizeOffered('10', shoes), '10');
    assert.equal(sizeOffered('US 10', shoes), '10');
    assert.equal(sizeOffered('9.5', shoes), undefined);
    assert.equal(sizeOffered('EU 42', shoes), undefined);
    assert.equal(sizeOffered('M', ['S', 'Medium', 'L']), 'Medium');
    assert.equal(sizeOffered('M', ['S', 'M', 'L']), 'M');
  });

  it('reads damage words as damage in refund reasons and situations alike', () => {
    for (const text of ['it arrived chipped', 'the lens is scratched', 'came dented', 'its leaking', 'torn at the seam', 'glass shattered', 'ripped', 'stained all over', 'it arrived cracked']) {
      assert.equal(readRefundReason(text), 'damaged', text);
      assert.equal(readSituation(text), 'damaged', text);
    }
    assert.equal(readRefundReason('it never arrived'), 'not_received');
  });

  it('a no that runs on into a question is no answer, and the question is a policy question', () => {
    assert.equal(readConfirmation('wait, how many days do I have to return things?'), undefined);
    assert.equal(readConfirmation('no wait, how long does it take?'), undefined);
    assert.equal(readConfirmation('no thanks'), false);
    assert.equal(readPolicyQuestion('wait, how many days do I have to return things?', {}), true);
    assert.equal(readPolicyQuestion('hold on, do I have to pay for return shipping?', {}), true);
  });

  it('tells a bare acknowledgement from a request', () => {
    for (const text of ['yes please', 'ok thanks', 'no thanks', 'perfect, thanks!', 'Yes']) assert.equal(isBareAcknowledgement(text), true, text);
    for (const text of ['yes cancel 1023', 'ok and the UK?', 'yes I want a refund']) assert.equal(isBareAcknowledgement(text), false, text);
  });

  it('finds the items said missing, not the ones that came', () => {
    const titles = ['Stoneware Coffee Mug', 'Everyday Hoodie', 'Leather Card Wallet'];
    assert.deepEqual(itemsSaidMissing('order 1015 came without the wallet, only the mug and hoodie were in the box', titles), ['Leather Card Wallet']);
    assert.deepEqual(itemsSaidMissing('got the mug from 1003 but wheres the hoodie??', titles), ['Everyday Hoodie']);
    assert.deepEqual(itemsSaidMissing('where is the sleeping bag', ['Trailhead 30L Backpack', 'Down Sleeping Bag']), ['Down Sleeping Bag']);
    assert.deepEqual(itemsSaidMissing('love the mug', titles), []);
  });

  it('lists bare numbers that could be orders, not amounts or parts of other tokens', () => {
    assert.deepEqual(bareNumbers('tracking for 1034 says delivered'), ['1034']);
    assert.deepEqual(bareNumbers('paid $1034.50, tracking 1Z999AA10123456784'), []);
  });
});
