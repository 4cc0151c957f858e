import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Address, Order } from '../core/commerce';
import { decideAddressChange, decideCancellation, type CancellationDecision } from './order-change';
import {
  assertDecision,
  testFulfillment,
  testInTransitFulfillment,
  testLabelOnlyFulfillment,
  testLineItem,
  testNow,
  testOrder,
  testUnfulfilledOrder,
} from './test-fixtures';

const twoItems = [testLineItem(), testLineItem({ id: 'li-2', title: 'Hat' })];
const shippedHalf = testOrder({ fulfillmentStatus: 'partial', lineItems: twoItems, fulfillments: [testInTransitFulfillment(2, { lineItemIds: ['li-1'] })] });

interface ShippingCase {
  name: string;
  order: Order;
  outcome: CancellationDecision['outcome'];
  code: string;
}

/** Both changes share the same gate: the order's state decides. */
const gateCases: ShippingCase[] = [
  { name: 'unfulfilled', order: testUnfulfilledOrder(), outcome: 'allow', code: 'not_yet_fulfilled' },
  { name: 'restocked with no fulfillment', order: testUnfulfilledOrder({ fulfillmentStatus: 'restocked' }), outcome: 'allow', code: 'not_yet_fulfilled' },
  { name: 'already cancelled', order: testUnfulfilledOrder({ cancelledAt: testNow }), outcome: 'deny', code: 'already_cancelled' },
  { name: 'refunded', order: testUnfulfilledOrder({ financialStatus: 'refunded', refundedCents: 2500 }), outcome: 'deny', code: 'order_refunded' },
  { name: 'voided', order: testUnfulfilledOrder({ financialStatus: 'voided' }), outcome: 'deny', code: 'order_refunded' },
  { name: 'delivered', order: testOrder(), outcome: 'deny', code: 'already_shipped' },
  { name: 'in transit', order: testOrder({ fulfillments: [testInTransitFulfillment(2)] }), outcome: 'deny', code: 'already_shipped' },
  {
    name: 'shipped date set while status still says label_created',
    order: testOrder({ fulfillments: [testLabelOnlyFulfillment({ shippedAt: testNow })] }),
    outcome: 'deny',
    code: 'already_shipped',
  },
  { name: 'fulfilled per status, no fulfillment details', order: testOrder({ fulfillments: [] }), outcome: 'deny', code: 'already_shipped' },
  {
    name: 'label created, not with the carrier',
    order: testOrder({ fulfillments: [testLabelOnlyFulfillment()] }),
    outcome: 'review',
    code: 'fulfillment_in_progress',
  },
  {
    name: 'fulfillment pending',
    order: testOrder({ fulfillments: [testLabelOnlyFulfillment({ shipmentStatus: 'pending' })] }),
    outcome: 'review',
    code: 'fulfillment_in_progress',
  },
  { name: 'half shipped', order: shippedHalf, outcome: 'review', code: 'partially_shipped' },
  {
    name: 'partial per status, no fulfillment details',
    order: testOrder({ fulfillmentStatus: 'partial', fulfillments: [] }),
    outcome: 'review',
    code: 'partially_shipped',
  },
  {
    name: 'every item shipped, over two fulfillments',
    order: testOrder({
      lineItems: twoItems,
      fulfillments: [testFulfillment({ id: 'f-1', lineItemIds: ['li-1'] }), testInTransitFulfillment(1, { id: 'f-2', lineItemIds: ['li-2'] })],
    }),
    outcome: 'deny',
    code: 'already_shipped',
  },
];

for (const c of gateCases) {
  test(`cancellation: ${c.name}`, () => assertDecision(decideCancellation({ order: c.order, now: testNow }), c.outcome, [c.code]));
  test(`address change: ${c.name}`, () => assertDecision(decideAddressChange({ order: c.order, now: testNow }), c.outcome, [c.code]));
}

const refundCases: { name: string; order: Order; refundCents: number; says: RegExp }[] = [
  { name: 'paid: the whole total comes back', order: testUnfulfilledOrder(), refundCents: 2500, says: /cancelling refunds \$25\.00/ },
  {
    name: 'partly refunded: the rest comes back',
    order: testUnfulfilledOrder({ financialStatus: 'partially_refunded', refundedCents: 500 }),
    refundCents: 2000,
    says: /refunds \$20\.00/,
  },
  {
    name: 'only authorized: nothing to refund, the hold is released',
    order: testUnfulfilledOrder({ financialStatus: 'authorized' }),
    refundCents: 0,
    says: /releases the uncaptured payment/,
  },
];

for (const c of refundCases) {
  test(`cancellation refund: ${c.name}`, () => {
    const decision = decideCancellation({ order: c.order, now: testNow });
    assert.equal(decision.refundCents, c.refundCents);
    assert.equal(decision.currency, 'USD');
    assert.match(decision.reasons[0]!.message, c.says);
  });
}

test('cancellation refund: nothing when denied', () => assert.equal(decideCancellation({ order: testOrder(), now: testNow }).refundCents, 0));

const address = (overrides: Partial<Address> = {}): Partial<Address> => ({ address1: '2 High St', city: 'Leeds', zip: 'LS1 1AA', country: 'GB', ...overrides });
const addressCases: {
  name: string;
  order?: Order;
  newAddress: Partial<Address>;
  outcome: CancellationDecision['outcome'];
  codes: string[];
  check?: (reasons: { facts?: Record<string, unknown> }[]) => void;
}[] = [
  { name: 'complete address, same country', newAddress: address(), outcome: 'allow', codes: ['not_yet_fulfilled', 'address_complete'] },
  {
    name: 'country compared without case or spaces',
    newAddress: address({ country: ' gb ' }),
    outcome: 'allow',
    codes: ['not_yet_fulfilled', 'address_complete'],
  },
  { name: 'another country: a human approves', newAddress: address({ country: 'FR' }), outcome: 'review', codes: ['country_changed', 'not_yet_fulfilled'] },
  {
    name: 'missing city and blank postal code',
    newAddress: address({ city: undefined, zip: '  ' }),
    outcome: 'deny',
    codes: ['address_incomplete', 'not_yet_fulfilled'],
    check: (reasons) => assert.deepEqual(reasons[0]!.facts, { missingFields: ['city', 'zip'] }),
  },
  { name: 'missing street', newAddress: address({ address1: '' }), outcome: 'deny', codes: ['address_incomplete', 'not_yet_fulfilled'] },
  {
    name: 'order without an address: any complete address',
    order: testUnfulfilledOrder({ shippingAddress: null }),
    newAddress: address({ country: 'US' }),
    outcome: 'allow',
    codes: ['not_yet_fulfilled', 'address_complete'],
  },
  {
    name: 'label created: human, and the address is still checked',
    order: testOrder({ fulfillments: [testLabelOnlyFulfillment()] }),
    newAddress: address(),
    outcome: 'review',
    codes: ['fulfillment_in_progress', 'address_complete'],
  },
  { name: 'shipped: the new address is not even checked', order: testOrder(), newAddress: address({ city: '' }), outcome: 'deny', codes: ['already_shipped'] },
];

for (const c of addressCases) {
  test(`address change with a new address: ${c.name}`, () => {
    const decision = decideAddressChange({ order: c.order ?? testUnfulfilledOrder(), newAddress: c.newAddress, now: testNow });
    assertDecision(decision, c.outcome, c.codes);
    c.check?.(decision.reasons);
  });
}
