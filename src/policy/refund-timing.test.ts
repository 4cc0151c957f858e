import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Order } from '../core/commerce';
import type { ItemQuantity } from '../core/ports/commerce';
import type { StoreSettings } from '../core/settings';
import { decideRefund, type RefundDecision } from './refund-approval';
import type { RefundReason } from './refund-reasons';
import {
  assertDecision,
  daysAgo,
  testFulfillment,
  testInTransitFulfillment,
  testLabelOnlyFulfillment,
  testLineItem,
  testNow,
  testOrder,
  testSettings,
  testUnfulfilledOrder,
} from './test-fixtures';

/** A $100.00 order: two $40.00 lamps and $20.00 shipping, delivered 10 days ago. */
const bigOrder = (overrides: Partial<Order> = {}) =>
  testOrder({
    lineItems: [testLineItem({ title: 'Lamp', productType: 'Home', quantity: 2, priceCents: 4000 })],
    subtotalCents: 8000,
    shippingCents: 2000,
    totalCents: 10000,
    ...overrides,
  });
const neverDelivered = (etaInDays: number | null, createdDaysAgo = 14) =>
  testOrder({ createdAt: daysAgo(createdDaysAgo), fulfillments: [testInTransitFulfillment(etaInDays)] });
const deliveredOn = (days: number) => [testFulfillment({ deliveredAt: daysAgo(days) })];

interface Case {
  name: string;
  order: Order;
  reason: RefundReason;
  amountCents?: number;
  items?: ItemQuantity[];
  settings?: Partial<StoreSettings>;
  outcome: RefundDecision['outcome'];
  codes: string[];
  check?: (decision: RefundDecision) => void;
}

const within = ['within_refund_window', 'returnless_reason', 'within_auto_approve_limit'];
const cases: Case[] = [
  {
    name: 'refund window: day 30 is inside',
    order: testOrder({ fulfillments: deliveredOn(30) }),
    reason: 'damaged',
    amountCents: 100,
    outcome: 'allow',
    codes: within,
  },
  {
    name: 'refund window: day 31 is outside',
    order: testOrder({ fulfillments: deliveredOn(31) }),
    reason: 'damaged',
    amountCents: 100,
    outcome: 'deny',
    codes: ['outside_refund_window', 'returnless_reason', 'within_auto_approve_limit'],
    check: (d) => assert.match(d.reasons[0]!.message, /delivered 31 days ago; the refund window is 30 days/),
  },
  {
    name: 'store refunds nothing through the assistant',
    order: testOrder(),
    reason: 'damaged',
    amountCents: 100,
    settings: { refundWindowDays: 0 },
    outcome: 'deny',
    codes: ['refunds_not_accepted', 'returnless_reason', 'within_auto_approve_limit'],
  },
  {
    name: 'not received, in transit, not yet due',
    order: neverDelivered(3),
    reason: 'not_received',
    amountCents: 2000,
    outcome: 'deny',
    codes: ['delivery_not_yet_due', 'returnless_reason', 'within_auto_approve_limit'],
    check: (d) => assert.match(d.reasons[0]!.message, /expected by 2024-07-03/),
  },
  {
    name: 'not received, past due: window from the order date',
    order: neverDelivered(-2),
    reason: 'not_received',
    amountCents: 2000,
    outcome: 'allow',
    codes: within,
    check: (d) => assert.equal(d.reasons[0]!.facts?.countedFrom, 'order'),
  },
  {
    name: 'not received, ordered 31 days ago',
    order: neverDelivered(-2, 31),
    reason: 'not_received',
    amountCents: 2000,
    outcome: 'deny',
    codes: ['outside_refund_window', 'returnless_reason', 'within_auto_approve_limit'],
  },
  {
    name: 'not received, no expected date: a human checks',
    order: neverDelivered(null),
    reason: 'not_received',
    amountCents: 2000,
    outcome: 'review',
    codes: ['delivery_not_yet_due', 'returnless_reason', 'within_auto_approve_limit'],
  },
  {
    name: 'not received but the carrier says delivered',
    order: testOrder(),
    reason: 'not_received',
    amountCents: 2000,
    outcome: 'review',
    codes: ['carrier_reports_delivered', 'returnless_reason', 'within_auto_approve_limit'],
  },
  {
    name: 'not received, never shipped: cancel instead',
    order: testUnfulfilledOrder(),
    reason: 'not_received',
    amountCents: 2000,
    outcome: 'deny',
    codes: ['not_shipped', 'returnless_reason', 'within_auto_approve_limit'],
  },
  {
    name: 'damaged but only a label exists',
    order: testOrder({ fulfillments: [testLabelOnlyFulfillment()] }),
    reason: 'damaged',
    amountCents: 2000,
    outcome: 'deny',
    codes: ['not_shipped', 'returnless_reason', 'within_auto_approve_limit'],
  },
  {
    name: 'damaged while still in transit',
    order: neverDelivered(2),
    reason: 'damaged',
    amountCents: 2000,
    outcome: 'deny',
    codes: ['not_delivered', 'returnless_reason', 'within_auto_approve_limit'],
  },
  {
    name: 'delivered without a date',
    order: testOrder({ fulfillments: [testFulfillment({ deliveredAt: null })] }),
    reason: 'defective',
    amountCents: 2000,
    outcome: 'review',
    codes: ['delivery_date_unknown', 'returnless_reason', 'within_auto_approve_limit'],
  },
  {
    name: 'late and still in transit: window from the order',
    order: neverDelivered(2, 10),
    reason: 'late',
    amountCents: 500,
    settings: { returnlessRefundReasons: ['late'] },
    outcome: 'allow',
    codes: within,
  },
  {
    name: 'window from the refunded item, not the whole order',
    order: bigOrder({
      lineItems: [testLineItem({ quantity: 1 }), testLineItem({ id: 'li-2', title: 'Hat', quantity: 1 })],
      fulfillments: [
        testFulfillment({ id: 'f-1', lineItemIds: ['li-1'], deliveredAt: daysAgo(40) }),
        testFulfillment({ id: 'f-2', lineItemIds: ['li-2'], deliveredAt: daysAgo(5) }),
      ],
    }),
    reason: 'damaged',
    items: [{ lineItemId: 'li-2', quantity: 1 }],
    outcome: 'allow',
    codes: within,
  },
];

for (const c of cases) {
  test(`refund timing: ${c.name}`, () => {
    const decision = decideRefund({
      order: c.order,
      reason: c.reason,
      amountCents: c.amountCents,
      items: c.items,
      settings: testSettings(c.settings),
      now: testNow,
    });
    assertDecision(decision, c.outcome, c.codes);
    assert.equal(decision.amountCents, c.outcome === 'deny' ? 0 : decision.requestedCents);
    c.check?.(decision);
  });
}
