import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Order } from '../core/commerce';
import type { ItemQuantity } from '../core/ports/commerce';
import type { StoreSettings } from '../core/settings';
import { decideRefund, type RefundDecision } from './refund-approval';
import type { RefundReason } from './refund-reasons';
import { assertDecision, daysAgo, testLineItem, testNow, testOrder, testRefund, testReturn, testSettings } from './test-fixtures';

/** A $100.00 order: two $40.00 lamps and $20.00 shipping, delivered 10 days ago. */
const bigOrder = (overrides: Partial<Order> = {}) =>
  testOrder({
    lineItems: [testLineItem({ title: 'Lamp', productType: 'Home', quantity: 2, priceCents: 4000 })],
    subtotalCents: 8000,
    shippingCents: 2000,
    totalCents: 10000,
    ...overrides,
  });
const backFor = (status: 'requested' | 'open' | 'in_transit' | 'received' | 'closed' | 'declined', quantity = 1) => [
  testReturn({ status, lineItems: [{ lineItemId: 'li-1', quantity }] }),
];

interface Case {
  name: string;
  order: Order;
  reason: RefundReason;
  amountCents?: number;
  items?: ItemQuantity[];
  settings?: Partial<StoreSettings>;
  openRequests?: { amountCents: number; items: ItemQuantity[] }[];
  outcome: RefundDecision['outcome'];
  codes: string[];
  check?: (decision: RefundDecision) => void;
}

const within = ['within_refund_window', 'returnless_reason', 'within_auto_approve_limit'];
const cases: Case[] = [
  {
    name: 'damaged, small amount: automatic',
    order: testOrder(),
    reason: 'damaged',
    amountCents: 2000,
    outcome: 'allow',
    codes: within,
    check: (d) => {
      assert.equal(d.amountCents, 2000);
      assert.equal(d.returnRequired, false);
      assert.match(d.reasons[2]!.message, /amount \$20\.00 ≤ auto-approve limit \$50\.00/);
    },
  },
  { name: 'amount exactly at the limit is automatic', order: bigOrder(), reason: 'defective', amountCents: 5000, outcome: 'allow', codes: within },
  {
    name: 'one cent over the limit: a human approves',
    order: bigOrder(),
    reason: 'defective',
    amountCents: 5001,
    outcome: 'review',
    codes: ['over_auto_approve_limit', 'within_refund_window', 'returnless_reason'],
    check: (d) => {
      assert.equal(d.amountCents, 5001);
      assert.equal(d.autoApproveLimitCents, 5000);
    },
  },
  {
    name: 'a limit with cents in settings',
    order: bigOrder(),
    reason: 'damaged',
    amountCents: 1999,
    settings: { refundAutoApproveLimit: 19.99 },
    outcome: 'allow',
    codes: within,
  },
  {
    name: 'no amount or items: everything left on the order',
    order: testOrder({ refundedCents: 500, financialStatus: 'partially_refunded' }),
    reason: 'damaged',
    outcome: 'allow',
    codes: within,
    check: (d) => {
      assert.equal(d.amountCents, 2000);
      assert.deepEqual(d.items, [{ lineItemId: 'li-1', quantity: 1 }]);
    },
  },
  {
    name: 'amount from items: price × quantity',
    order: bigOrder(),
    reason: 'damaged',
    items: [{ lineItemId: 'li-1', quantity: 1 }],
    outcome: 'allow',
    codes: within,
    check: (d) => assert.equal(d.amountCents, 4000),
  },
  {
    name: 'both items at once: over the limit',
    order: bigOrder(),
    reason: 'damaged',
    items: [{ lineItemId: 'li-1', quantity: 2 }],
    outcome: 'review',
    codes: ['over_auto_approve_limit', 'within_refund_window', 'returnless_reason'],
  },
  {
    name: 'more units than bought',
    order: bigOrder(),
    reason: 'damaged',
    items: [{ lineItemId: 'li-1', quantity: 3 }],
    outcome: 'deny',
    codes: ['quantity_exceeds_refundable', 'exceeds_refundable_amount', 'over_auto_approve_limit', 'within_refund_window', 'returnless_reason'],
    check: (d) => assert.equal(d.amountCents, 0),
  },
  {
    name: 'units refunded before are not refundable again',
    order: bigOrder({ refunds: [testRefund({ amountCents: 4000, lineItems: [{ lineItemId: 'li-1', quantity: 1 }] })] }),
    reason: 'damaged',
    items: [{ lineItemId: 'li-1', quantity: 2 }],
    settings: { maxRefundsPerOrder: 5 },
    outcome: 'deny',
    codes: ['quantity_exceeds_refundable', 'exceeds_refundable_amount', 'over_auto_approve_limit', 'within_refund_window', 'returnless_reason'],
  },
  {
    name: 'unknown item',
    order: testOrder(),
    reason: 'damaged',
    items: [{ lineItemId: 'nope', quantity: 1 }],
    outcome: 'deny',
    codes: ['unknown_item', 'invalid_amount', 'within_refund_window', 'returnless_reason', 'within_auto_approve_limit'],
  },
  {
    name: 'an amount above the items it names goes to a human',
    order: bigOrder(),
    reason: 'damaged',
    amountCents: 4500,
    items: [{ lineItemId: 'li-1', quantity: 1 }],
    outcome: 'review',
    codes: ['amount_exceeds_items_value', 'within_refund_window', 'returnless_reason', 'within_auto_approve_limit'],
  },
  { name: 'zero amount', order: testOrder(), reason: 'damaged', amountCents: 0, outcome: 'deny', codes: ['invalid_amount', ...within] },
  { name: 'fractional cents', order: testOrder(), reason: 'damaged', amountCents: 10.5, outcome: 'deny', codes: ['invalid_amount', ...within] },
  {
    name: 'more than is left to refund: refused, not capped',
    order: testOrder({ refundedCents: 2000, financialStatus: 'partially_refunded' }),
    reason: 'damaged',
    amountCents: 1000,
    outcome: 'deny',
    codes: ['exceeds_refundable_amount', ...within],
    check: (d) => {
      assert.equal(d.remainingRefundableCents, 500);
      assert.match(d.reasons[0]!.message, /asked for \$10\.00; \$5\.00 of the \$25\.00 order is left/);
    },
  },
  {
    name: 'a pending refund counts against what is left',
    order: testOrder({ refunds: [testRefund({ status: 'pending', amountCents: 2500 })] }),
    reason: 'damaged',
    amountCents: 100,
    settings: { maxRefundsPerOrder: 5 },
    outcome: 'deny',
    codes: ['nothing_to_refund', ...within],
  },
  {
    name: 'fully refunded order',
    order: testOrder({ financialStatus: 'refunded', refundedCents: 2500 }),
    reason: 'damaged',
    amountCents: 100,
    outcome: 'deny',
    codes: ['nothing_to_refund', ...within],
  },
  {
    name: 'voided order',
    order: testOrder({ financialStatus: 'voided' }),
    reason: 'damaged',
    amountCents: 100,
    outcome: 'deny',
    codes: ['nothing_to_refund', ...within],
  },
  {
    name: 'payment only authorized',
    order: testOrder({ financialStatus: 'authorized' }),
    reason: 'damaged',
    amountCents: 100,
    outcome: 'deny',
    codes: ['not_paid', ...within],
  },
  {
    name: 'cancelled but still paid goes to a human',
    order: testOrder({ cancelledAt: daysAgo(2) }),
    reason: 'damaged',
    amountCents: 100,
    outcome: 'review',
    codes: ['order_cancelled', ...within],
  },
  {
    name: 'changed mind without a return',
    order: testOrder(),
    reason: 'changed_mind',
    amountCents: 2000,
    outcome: 'deny',
    codes: ['return_required', 'within_refund_window', 'within_auto_approve_limit'],
    check: (d) => {
      assert.equal(d.returnRequired, true);
      assert.match(d.reasons[0]!.message, /a return can be started/);
    },
  },
  {
    name: 'changed mind, return open but not shipped back',
    order: testOrder({ returns: backFor('open') }),
    reason: 'changed_mind',
    items: [{ lineItemId: 'li-1', quantity: 1 }],
    outcome: 'deny',
    codes: ['return_required', 'within_refund_window', 'within_auto_approve_limit'],
    check: (d) => assert.match(d.reasons[0]!.message, /return RMA-1 is open but not yet shipped back/),
  },
  {
    name: 'changed mind, return in transit',
    order: testOrder({ returns: backFor('in_transit') }),
    reason: 'changed_mind',
    items: [{ lineItemId: 'li-1', quantity: 1 }],
    outcome: 'allow',
    codes: ['within_refund_window', 'return_in_transit_or_received', 'within_auto_approve_limit'],
  },
  {
    name: 'changed mind, return received',
    order: testOrder({ returns: backFor('received') }),
    reason: 'changed_mind',
    amountCents: 2000,
    outcome: 'allow',
    codes: ['within_refund_window', 'return_in_transit_or_received', 'within_auto_approve_limit'],
  },
  {
    name: 'amount only: returned goods worth less than the amount',
    order: testOrder({ returns: backFor('received') }),
    reason: 'changed_mind',
    amountCents: 2500,
    outcome: 'deny',
    codes: ['return_required', 'within_refund_window', 'within_auto_approve_limit'],
  },
  {
    name: 'a declined return does not count',
    order: testOrder({ returns: backFor('declined') }),
    reason: 'wrong_item',
    amountCents: 2000,
    outcome: 'deny',
    codes: ['return_required', 'within_refund_window', 'within_auto_approve_limit'],
  },
  {
    name: 'returned unit already refunded does not cover another',
    order: bigOrder({ returns: backFor('received'), refunds: [testRefund({ amountCents: 4000, lineItems: [{ lineItemId: 'li-1', quantity: 1 }] })] }),
    reason: 'changed_mind',
    items: [{ lineItemId: 'li-1', quantity: 1 }],
    settings: { maxRefundsPerOrder: 5 },
    outcome: 'deny',
    codes: ['return_required', 'within_refund_window', 'within_auto_approve_limit'],
  },
  {
    name: 'store makes wrong_item returnless',
    order: testOrder(),
    reason: 'wrong_item',
    amountCents: 2000,
    settings: { returnlessRefundReasons: ['wrong_item'] },
    outcome: 'allow',
    codes: within,
  },
  {
    name: 'one earlier refund reaches the default limit of 1',
    order: testOrder({ refunds: [testRefund()] }),
    reason: 'damaged',
    amountCents: 1000,
    outcome: 'review',
    codes: ['refund_limit_reached', ...within],
    check: (d) => assert.deepEqual(d.reasons[0]!.facts, { earlierRefunds: 1, openRequests: 0, maxRefundsPerOrder: 1 }),
  },
  {
    name: 'a failed earlier refund does not count',
    order: testOrder({ refunds: [testRefund({ status: 'failed' })] }),
    reason: 'damaged',
    amountCents: 1000,
    outcome: 'allow',
    codes: within,
  },
  {
    name: 'limit of 0: every refund reviewed',
    order: testOrder(),
    reason: 'damaged',
    amountCents: 1000,
    settings: { maxRefundsPerOrder: 0 },
    outcome: 'review',
    codes: ['refund_limit_reached', ...within],
  },
  {
    name: 'a request waiting for a human holds its amount: asking for more than is left after it is refused',
    order: bigOrder(),
    reason: 'damaged',
    amountCents: 3000,
    openRequests: [{ amountCents: 8000, items: [{ lineItemId: 'li-1', quantity: 2 }] }],
    outcome: 'deny',
    codes: ['exceeds_refundable_amount', 'refund_limit_reached', 'within_refund_window', 'returnless_reason', 'within_auto_approve_limit'],
    check: (d) => assert.equal(d.remainingRefundableCents, 2000),
  },
  {
    name: 'a request waiting for a human holds its units',
    order: bigOrder(),
    reason: 'damaged',
    items: [{ lineItemId: 'li-1', quantity: 1 }],
    openRequests: [{ amountCents: 8000, items: [{ lineItemId: 'li-1', quantity: 2 }] }],
    outcome: 'deny',
    codes: ['quantity_exceeds_refundable', 'exceeds_refundable_amount', 'refund_limit_reached', 'within_refund_window', 'returnless_reason', 'within_auto_approve_limit'],
    check: (d) => assert.match(d.reasons[0]!.message, /2 held by a request not yet paid/),
  },
  {
    name: 'a request not yet paid counts toward the refunds per order',
    order: bigOrder(),
    reason: 'damaged',
    amountCents: 1000,
    openRequests: [{ amountCents: 1000, items: [] }],
    outcome: 'review',
    codes: ['refund_limit_reached', ...within],
    check: (d) => assert.deepEqual(d.reasons[0]!.facts, { earlierRefunds: 1, openRequests: 1, maxRefundsPerOrder: 1 }),
  },
  {
    name: 'order in another currency than the limit',
    order: testOrder({ currency: 'EUR' }),
    reason: 'damaged',
    amountCents: 1000,
    outcome: 'review',
    codes: ['currency_mismatch', 'within_refund_window', 'returnless_reason'],
  },
];

for (const c of cases) {
  test(`refund: ${c.name}`, () => {
    const decision = decideRefund({
      order: c.order,
      reason: c.reason,
      amountCents: c.amountCents,
      items: c.items,
      settings: testSettings(c.settings),
      now: testNow,
      ...(c.openRequests ? { openRequests: c.openRequests } : {}),
    });
    assertDecision(decision, c.outcome, c.codes);
    assert.equal(decision.amountCents, c.outcome === 'deny' ? 0 : decision.requestedCents);
    c.check?.(decision);
  });
}
