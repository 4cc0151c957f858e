import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Order } from '../core/commerce';
import type { StoreSettings } from '../core/settings';
import type { ItemQuantity } from '../core/ports/commerce';
import { decideReturn, type ReturnDecision } from './return-eligibility';
import { assertDecision, daysAgo, testFulfillment, testLineItem, testNow, testOrder, testSettings, testUnfulfilledOrder } from './test-fixtures';

const shirt = testLineItem();
const socks = testLineItem({ id: 'li-2', title: 'Socks', productType: 'Accessories', quantity: 3, priceCents: 500 });
const clearance = testLineItem({ id: 'li-4', title: 'Clearance dress', productType: 'Dresses', tags: ['summer', ' FINAL-SALE '] });
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
    name: 'cancelled order',
    order: testOrder({ cancelledAt: daysAgo(1) }),
    outcome: 'deny',
    codes: ['order_cancelled'],
    check: (d) => assert.deepEqual(d.items, []),
  },
  { name: 'refunded order', order: testOrder({ financialStatus: 'refunded', refundedCents: 2500 }), outcome: 'deny', codes: ['order_refunded'] },
  { name: 'voided order', order: testOrder({ financialStatus: 'voided' }), outcome: 'deny', codes: ['order_refunded'] },
  { name: 'store takes no returns', order: testOrder(), settings: { returnWindowDays: 0 }, outcome: 'deny', codes: ['returns_not_accepted'] },
  {
    name: 'unfulfilled: suggest cancellation',
    order: testUnfulfilledOrder(),
    outcome: 'deny',
    codes: ['not_shipped'],
    check: (d) => assert.deepEqual(d.alternatives, ['cancel_order']),
  },
  {
    name: 'excluded and late: final sale gets no alternatives',
    order: testOrder({ lineItems: [{ ...clearance, id: 'li-1' }], fulfillments: [deliveredOn(40, ['li-1'])] }),
    outcome: 'deny',
    codes: ['excluded_category', 'outside_return_window'],
    check: (d) => assert.deepEqual(d.alternatives, []),
  },
  {
    name: 'partial: the excluded item is refused, the other allowed',
    order: testOrder({ lineItems: [shirt, clearance], fulfillments: [deliveredOn(5, ['li-1', 'li-4'])] }),
    outcome: 'allow',
    codes: ['within_return_window', 'some_items_not_returnable'],
    check: (d) => {
      assert.deepEqual(d.returnableItems, [{ lineItemId: 'li-1', quantity: 1 }]);
      assert.deepEqual(
        d.items.map((i) => i.outcome),
        ['allow', 'deny'],
      );
      assert.match(d.reasons[1]!.message, /1 of 2 items can go ahead; not: "Clearance dress" \(excluded_category\)/);
    },
  },
  {
    name: 'multiple fulfillments: each item counts from its own delivery',
    order: testOrder({ lineItems: [shirt, socks], fulfillments: [deliveredOn(40, ['li-1']), deliveredOn(5, ['li-2'])] }),
    outcome: 'allow',
    codes: ['within_return_window', 'some_items_not_returnable'],
    check: (d) => {
      assert.deepEqual(d.returnableItems, [{ lineItemId: 'li-2', quantity: 3 }]);
      assert.deepEqual(d.alternatives, ['exchange', 'store_credit']);
    },
  },
  {
    name: 'one item shipped, another not yet',
    order: testOrder({ lineItems: [shirt, socks], fulfillments: [deliveredOn(5, ['li-1'])] }),
    items: [{ lineItemId: 'li-2', quantity: 1 }],
    outcome: 'deny',
    codes: ['not_shipped'],
  },
  {
    name: 'duplicate lines are merged',
    order: testOrder({ lineItems: [socks], fulfillments: [deliveredOn(5, ['li-2'])] }),
    items: [
      { lineItemId: 'li-2', quantity: 1 },
      { lineItemId: 'li-2', quantity: 1 },
    ],
    outcome: 'allow',
    codes: ['within_return_window'],
    check: (d) => assert.deepEqual(d.returnableItems, [{ lineItemId: 'li-2', quantity: 2 }]),
  },
  { name: 'nothing asked for', order: testOrder(), items: [], outcome: 'deny', codes: ['invalid_quantity'] },
];

for (const c of cases) {
  test(`return: ${c.name}`, () => {
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

test('return: the same facts give the same decision (no hidden clock)', () => {
  const input = { order: testOrder(), settings: testSettings(), now: testNow };
  assert.deepEqual(decideReturn(input), decideReturn(input));
});
