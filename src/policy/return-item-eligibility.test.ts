import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Order } from '../core/commerce';
import type { StoreSettings } from '../core/settings';
import type { ItemQuantity } from '../core/ports/commerce';
import { decideReturn, type ReturnDecision } from './return-eligibility';
import {
  assertDecision,
  daysAgo,
  testFulfillment,
  testInTransitFulfillment,
  testLabelOnlyFulfillment,
  testLineItem,
  testNow,
  testOrder,
  testRefund,
  testReturn,
  testSettings,
} from './test-fixtures';

const shirt = testLineItem();
const socks = testLineItem({ id: 'li-2', title: 'Socks', productType: 'Accessories', quantity: 3, priceCents: 500 });
const giftCard = testLineItem({ id: 'li-3', title: 'Gift card', productType: 'Gift-Card', tags: [] });
const clearance = testLineItem({ id: 'li-4', title: 'Clearance dress', productType: 'Dresses', tags: ['summer', ' FINAL-SALE '] });
const phone = testLineItem({ id: 'li-5', title: 'Phone', productType: 'Electronics' });
const deliveredOn = (days: number, lineItemIds: string[], id = `f-${lineItemIds.join('-')}-${days}`) =>
  testFulfillment({ id, lineItemIds, deliveredAt: daysAgo(days) });

interface Case {
  name: string;
  order: Order;
  items?: ItemQuantity[];
  settings?: Partial<StoreSettings>;
  conditionConfirmed?: boolean;
  outcome: ReturnDecision['outcome'];
  codes: string[];
  check?: (decision: ReturnDecision) => void;
}

const cases: Case[] = [
  {
    name: 'delivered 10 days ago, inside the window',
    order: testOrder(),
    outcome: 'allow',
    codes: ['within_return_window'],
    check: (d) => {
      assert.deepEqual(d.returnableItems, [{ lineItemId: 'li-1', quantity: 1 }]);
      assert.deepEqual(d.conditionQuestions, ['Is the item unworn and unwashed, with its original tags still attached?']);
      assert.match(d.reasons[0]!.message, /"Linen shirt": delivered 10 days ago; within the 30-day return window/);
      assert.deepEqual(d.alternatives, []);
    },
  },
  { name: 'day 30 exactly is inside', order: testOrder({ fulfillments: [deliveredOn(30, ['li-1'])] }), outcome: 'allow', codes: ['within_return_window'] },
  {
    name: 'day 30 and 23 hours still counts as day 30',
    order: testOrder({ fulfillments: [deliveredOn(30.96, ['li-1'])] }),
    outcome: 'allow',
    codes: ['within_return_window'],
  },
  {
    name: 'day 31 is outside, exchange or store credit offered',
    order: testOrder({ fulfillments: [deliveredOn(31, ['li-1'])] }),
    outcome: 'deny',
    codes: ['outside_return_window'],
    check: (d) => {
      assert.deepEqual(d.alternatives, ['exchange', 'store_credit']);
      assert.match(d.reasons[0]!.message, /delivered 31 days ago; the return window is 30 days/);
      assert.equal(d.items[0]!.windowEndsAt?.toISOString(), daysAgo(1).toISOString());
    },
  },
  {
    name: 'a 14-day window from settings',
    order: testOrder({ fulfillments: [deliveredOn(15, ['li-1'])] }),
    settings: { returnWindowDays: 14 },
    outcome: 'deny',
    codes: ['outside_return_window'],
  },
  { name: 'label created, not with the carrier', order: testOrder({ fulfillments: [testLabelOnlyFulfillment()] }), outcome: 'deny', codes: ['not_shipped'] },
  {
    name: 'in transit',
    order: testOrder({ fulfillments: [testInTransitFulfillment(2)] }),
    outcome: 'deny',
    codes: ['not_delivered'],
    check: (d) => {
      assert.match(d.reasons[0]!.message, /expected 2024-07-02/);
      assert.deepEqual(d.alternatives, []);
    },
  },
  {
    name: 'delivered without a date goes to a human',
    order: testOrder({ fulfillments: [testFulfillment({ deliveredAt: null })] }),
    outcome: 'review',
    codes: ['delivery_date_unknown'],
    check: (d) => assert.deepEqual(d.returnableItems, []),
  },
  {
    name: 'excluded by product type, case-insensitive',
    order: testOrder({ lineItems: [{ ...giftCard, id: 'li-1' }] }),
    outcome: 'deny',
    codes: ['excluded_category', 'within_return_window'],
    check: (d) => {
      assert.match(d.reasons[0]!.message, /excluded category "gift-card" \(by its product type\)/);
      assert.deepEqual(d.alternatives, []);
    },
  },
  {
    name: 'excluded by tag, case and spaces ignored',
    order: testOrder({ lineItems: [{ ...clearance, id: 'li-1' }] }),
    outcome: 'deny',
    codes: ['excluded_category', 'within_return_window'],
    check: (d) => assert.deepEqual(d.reasons[0]!.facts, { lineItemId: 'li-1', category: 'final-sale', matchedBy: 'tag' }),
  },
  {
    name: 'one item split over two deliveries: the later one counts',
    order: testOrder({ fulfillments: [deliveredOn(40, ['li-1']), deliveredOn(20, ['li-1'])] }),
    outcome: 'allow',
    codes: ['within_return_window'],
  },
  {
    name: 'earlier return subtracts: 2 of 3 left',
    order: testOrder({
      lineItems: [socks],
      fulfillments: [deliveredOn(5, ['li-2'])],
      returns: [testReturn({ status: 'open', lineItems: [{ lineItemId: 'li-2', quantity: 1 }] })],
    }),
    items: [{ lineItemId: 'li-2', quantity: 2 }],
    outcome: 'allow',
    codes: ['within_return_window'],
    check: (d) => assert.equal(d.items[0]!.returnableQuantity, 2),
  },
  {
    name: 'earlier return subtracts: 3 asked, 2 left',
    order: testOrder({
      lineItems: [socks],
      fulfillments: [deliveredOn(5, ['li-2'])],
      returns: [testReturn({ status: 'received', lineItems: [{ lineItemId: 'li-2', quantity: 1 }] })],
    }),
    items: [{ lineItemId: 'li-2', quantity: 3 }],
    outcome: 'deny',
    codes: ['quantity_exceeds_returnable', 'within_return_window'],
  },
  {
    name: 'a declined return does not count',
    order: testOrder({
      lineItems: [socks],
      fulfillments: [deliveredOn(5, ['li-2'])],
      returns: [testReturn({ status: 'declined', lineItems: [{ lineItemId: 'li-2', quantity: 3 }] })],
    }),
    items: [{ lineItemId: 'li-2', quantity: 3 }],
    outcome: 'allow',
    codes: ['within_return_window'],
  },
  {
    name: 'refunded units are not returnable; a returned-and-refunded unit counts once',
    order: testOrder({
      lineItems: [socks],
      fulfillments: [deliveredOn(5, ['li-2'])],
      returns: [testReturn({ status: 'closed', lineItems: [{ lineItemId: 'li-2', quantity: 1 }] })],
      refunds: [testRefund({ lineItems: [{ lineItemId: 'li-2', quantity: 2 }] })],
    }),
    outcome: 'allow',
    codes: ['within_return_window'],
    check: (d) => assert.deepEqual(d.returnableItems, [{ lineItemId: 'li-2', quantity: 1 }]),
  },
  {
    name: 'everything already returned',
    order: testOrder({ returns: [testReturn({ status: 'requested' })] }),
    outcome: 'deny',
    codes: ['already_returned', 'within_return_window'],
  },
  { name: 'unknown line item', order: testOrder(), items: [{ lineItemId: 'nope', quantity: 1 }], outcome: 'deny', codes: ['unknown_item'] },
  {
    name: 'zero quantity',
    order: testOrder(),
    items: [{ lineItemId: 'li-1', quantity: 0 }],
    outcome: 'deny',
    codes: ['invalid_quantity', 'within_return_window'],
  },
  { name: 'condition confirmed', order: testOrder(), conditionConfirmed: true, outcome: 'allow', codes: ['within_return_window', 'condition_confirmed'] },
  {
    name: 'condition not confirmed: a human decides',
    order: testOrder(),
    conditionConfirmed: false,
    outcome: 'review',
    codes: ['condition_not_confirmed', 'within_return_window'],
    check: (d) => assert.deepEqual(d.returnableItems, []),
  },
  {
    name: 'condition answer does not rescue a denied item',
    order: testOrder({ fulfillments: [deliveredOn(31, ['li-1'])] }),
    conditionConfirmed: true,
    outcome: 'deny',
    codes: ['outside_return_window'],
  },
  {
    name: 'electronics ask for accessories and a reset',
    order: testOrder({ lineItems: [{ ...phone, id: 'li-1' }] }),
    outcome: 'allow',
    codes: ['within_return_window'],
    check: (d) => assert.equal(d.conditionQuestions.length, 2),
  },
  {
    name: 'uncategorised items get the default question',
    order: testOrder({ lineItems: [{ ...shirt, productType: 'Homeware' }] }),
    outcome: 'allow',
    codes: ['within_return_window'],
    check: (d) => assert.deepEqual(d.conditionQuestions, ['Is the item unused and in its original packaging?']),
  },
];

for (const c of cases) {
  test(`return item: ${c.name}`, () => {
    const decision = decideReturn({
      order: c.order,
      items: c.items,
      settings: testSettings(c.settings),
      conditionConfirmed: c.conditionConfirmed,
      now: testNow,
    });
    assertDecision(decision, c.outcome, c.codes);
    if (c.outcome !== 'allow') assert.deepEqual(decision.returnableItems, []);
    c.check?.(decision);
  });
}
