import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { OrderSummary } from '../../core/commerce';
import { ordersHoldingItems } from '../dialogue/order-of-item';
import { asksAmountBack, asksOtherOne, asksWhen, isFollowUp, statusOf } from './follow-up';
import { asksMoneyBack } from './money-back';
import { splitRequests } from './requests';
import { isGeneralShippingQuestion, shippingQuery } from './shipping-question';
import { saysWrongFit } from './wrong-fit';

// The order numbers a part of a message names, as the NLU would give them (4-digit numbers here).
const ordersIn = (text: string) => [...text.matchAll(/(?<![\d$.])#?(1\d{3})(?!\d)/g)].map((m) => m[1]!);

describe('thread classes (ADR 0035)', () => {
  it('cuts a message where a second request about another order starts', () => {
    assert.deepEqual(splitRequests('where is my order 1004 and can I change the address on 1007', ordersIn), ['where is my order 1004', 'can I change the address on 1007']);
    assert.deepEqual(splitRequests('cancel 1012 and refund the shipping on 1009', ordersIn), ['cancel 1012', 'refund the shipping on 1009']);
    assert.deepEqual(splitRequests("wheres 1001? also i want to return the beanie from 1002", ordersIn), ['wheres 1001', 'i want to return the beanie from 1002']);
    assert.deepEqual(splitRequests('track 1050, and do you ship to canada?', ordersIn), ['track 1050', 'do you ship to canada?']);
    assert.deepEqual(splitRequests('where are 1125 and 1185?', ordersIn), ['where are 1125', '1185?']);
  });

  it('keeps one request whole', () => {
    assert.deepEqual(splitRequests('I want to return the shoes and get a refund on 1050', ordersIn), ['I want to return the shoes and get a refund on 1050']);
    assert.deepEqual(splitRequests('cancel 1050 and refund me please', ordersIn), ['cancel 1050 and refund me please']);
    assert.deepEqual(splitRequests('change the address on 1007 to 12 Oak St, Portland, OR 97201', ordersIn), ['change the address on 1007 to 12 Oak St, Portland, OR 97201']);
    assert.deepEqual(splitRequests('order 1004 and 1007 are both late', ordersIn), ['order 1004 and 1007 are both late']);
  });

  it('reads money back for a parcel, not a question about a refund made', () => {
    assert.equal(asksMoneyBack('it never came, I just want my money back'), true);
    assert.equal(asksMoneyBack('still hasnt shown up, honestly just refund me'), true);
    assert.equal(asksMoneyBack('where is my refund'), false);
    assert.equal(asksMoneyBack('my refund still hasnt shown up'), false);
  });

  it('tells a general shipping question from one about an order', () => {
    const none = {};
    assert.equal(isGeneralShippingQuestion('do you ship to Canada?', none), true);
    assert.equal(isGeneralShippingQuestion('how long does shipping usually take?', none), true);
    assert.equal(isGeneralShippingQuestion('when will my order arrive if i order now', none), true);
    assert.equal(isGeneralShippingQuestion('when will my order arrive?', none), false);
    assert.equal(isGeneralShippingQuestion('when will it get here?', none), false);
    // "how long does it take" is general on its own; with an order in focus the follow-up reading comes first (classify).
    assert.equal(isGeneralShippingQuestion('how long does it take to ship to canada', none), true);
    assert.equal(isGeneralShippingQuestion('do you ship to canada? my order is 1050', { orderNumbers: ['1050'] }), false);
    assert.match(shippingQuery('how fast is shipping to canada'), /how long does delivery take/);
    assert.match(shippingQuery('do u deliver to australia'), /where do you ship/);
    assert.match(shippingQuery('how much is shipping to the UK'), /how much does shipping cost/);
  });

  it('reads a wrong fit, never the shop sending the wrong size or a sizing question', () => {
    for (const text of ['the slip-ons from 1162 are too small', 'these boots dont fit me', 'I ordered the wrong size', 'the hoodie runs big on me']) assert.equal(saysWrongFit(text), true, text);
    for (const text of ['you sent me the wrong size', 'do the trail shoes run small?', 'what if it does not fit?', 'got the wrong size, i ordered an M']) assert.equal(saysWrongFit(text), false, text);
  });

  it('reads follow-ups against the last answer', () => {
    assert.equal(isFollowUp('and the other one?'), true);
    assert.equal(isFollowUp('when will that arrive then?'), true);
    assert.equal(isFollowUp('ok and how much will I get back'), true);
    assert.equal(isFollowUp('I want to return the beanie from my last order because it is too small'), false);
    assert.equal(asksOtherOne('what about the other order'), true);
    assert.equal(asksWhen('how long will that take?'), true);
    assert.equal(asksAmountBack('ok and how much will I get back'), true);
    assert.equal(asksAmountBack('how much is shipping'), false);
    assert.equal(statusOf('refund_request'), 'refund_status');
    assert.equal(statusOf('cancel_order'), 'refund_status');
    assert.equal(statusOf('order_status'), 'order_status');
  });

  it('finds the shopper orders holding a named item, narrowed by its own words', () => {
    const order = (name: string, itemTitles: string[]) => ({ name, itemTitles }) as unknown as OrderSummary;
    const mine = [order('#1046', ['Stoneware Coffee Mug']), order('#1226', ['Enamel Camp Mug']), order('#1106', ['Waxed Canvas Tote'])];
    assert.deepEqual(ordersHoldingItems(mine, ['mug'], 'the enamel mug arrived dented').map((o) => o.name), ['#1226']);
    assert.deepEqual(ordersHoldingItems(mine, ['mug'], 'my mug arrived dented').map((o) => o.name), ['#1046', '#1226']);
    assert.deepEqual(ordersHoldingItems(mine, ['tent'], 'where is the tent'), []);
    assert.deepEqual(ordersHoldingItems(mine, [], 'where is it'), []);
  });
});
