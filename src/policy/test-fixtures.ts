/**
 * Test support only (imported by *.test.ts in this folder, never by production code): small
 * factories for orders and their parts, with a fixed clock, so each table row states only what it varies.
 */
import assert from 'node:assert/strict';
import type { Fulfillment, LineItem, Order, RefundRecord, ReturnRecord } from '../core/commerce';
import { defaultSettings, type StoreSettings } from '../core/settings';
import type { Decision, Outcome } from './decision';

/** The fixed "now" of policy tests. */
export const testNow = new Date('2024-06-30T12:00:00Z');

/** A date `days` whole days before testNow (fractions allowed: 30.5 = 30 days 12 hours). */
export const daysAgo = (days: number): Date => new Date(testNow.getTime() - days * 24 * 60 * 60 * 1000);

/** A line item; unit price $20.00, quantity 1, apparel. */
export function testLineItem(overrides: Partial<LineItem> = {}): LineItem {
  return {
    id: 'li-1',
    productId: 'p-1',
    title: 'Linen shirt',
    variantTitle: 'M',
    sku: 'LS-M',
    quantity: 1,
    priceCents: 2000,
    productType: 'Apparel',
    tags: [],
    ...overrides,
  };
}

/** A fulfillment delivered 10 days ago carrying li-1. */
export function testFulfillment(overrides: Partial<Fulfillment> = {}): Fulfillment {
  return {
    id: 'f-1',
    status: 'success',
    shipmentStatus: 'delivered',
    carrier: 'UPS',
    trackingNumber: '1Z999',
    trackingUrl: null,
    lineItemIds: ['li-1'],
    estimatedDeliveryAt: null,
    shippedAt: daysAgo(13),
    deliveredAt: daysAgo(10),
    ...overrides,
  };
}

/** A fulfillment with a label but not yet with the carrier. */
export function testLabelOnlyFulfillment(overrides: Partial<Fulfillment> = {}): Fulfillment {
  return testFulfillment({ shipmentStatus: 'label_created', shippedAt: null, deliveredAt: null, ...overrides });
}

/** A fulfillment on its way, expected in `etaInDays` days (null: no estimate). */
export function testInTransitFulfillment(etaInDays: number | null, overrides: Partial<Fulfillment> = {}): Fulfillment {
  return testFulfillment({
    shipmentStatus: 'in_transit',
    deliveredAt: null,
    estimatedDeliveryAt: etaInDays === null ? null : daysAgo(-etaInDays),
    ...overrides,
  });
}

/** A succeeded refund of $5.00 with no items. */
export function testRefund(overrides: Partial<RefundRecord> = {}): RefundRecord {
  return { id: 'rf-1', amountCents: 500, currency: 'USD', reason: 'other', status: 'succeeded', lineItems: [], createdAt: daysAgo(5), ...overrides };
}

/** A return of li-1 ×1 in transit. */
export function testReturn(overrides: Partial<ReturnRecord> = {}): ReturnRecord {
  return {
    id: 'rt-1',
    rma: 'RMA-1',
    status: 'in_transit',
    reason: 'changed_mind',
    lineItems: [{ lineItemId: 'li-1', quantity: 1 }],
    carrier: 'UPS',
    trackingNumber: '1ZRET',
    labelUrl: null,
    createdAt: daysAgo(3),
    ...overrides,
  };
}

/** A paid, delivered order #1001: one $20.00 shirt, $5.00 shipping, total $25.00, placed 14 days ago. */
export function testOrder(overrides: Partial<Order> = {}): Order {
  return {
    id: 'o-1',
    name: '#1001',
    email: 'Jane.Doe@example.com',
    customerId: 'c-1',
    customerName: 'Jane Doe',
    financialStatus: 'paid',
    fulfillmentStatus: 'fulfilled',
    currency: 'USD',
    subtotalCents: 2000,
    shippingCents: 500,
    totalCents: 2500,
    refundedCents: 0,
    shippingAddress: { name: 'Jane Doe', address1: '1 Main St', city: 'Springfield', zip: 'SW1A 1AA', country: 'GB' },
    cancelledAt: null,
    createdAt: daysAgo(14),
    lineItems: [testLineItem()],
    fulfillments: [testFulfillment()],
    refunds: [],
    returns: [],
    ...overrides,
  };
}

/** An order not yet fulfilled. */
export function testUnfulfilledOrder(overrides: Partial<Order> = {}): Order {
  return testOrder({ fulfillmentStatus: 'unfulfilled', fulfillments: [], ...overrides });
}

/** Store settings: the defaults with overrides (30-day windows, $50 auto-approve, 1 refund per order). */
export function testSettings(overrides: Partial<StoreSettings> = {}): StoreSettings {
  return { ...defaultSettings, ...overrides };
}

/** Asserts a decision's outcome and reason codes (strictest first), and that every reason says something. */
export function assertDecision(decision: Decision, outcome: Outcome, codes: string[]): void {
  assert.deepEqual({ outcome: decision.outcome, codes: decision.reasons.map((r) => r.code) }, { outcome, codes });
  assert.ok(decision.reasons.length > 0, 'a decision always carries a reason');
  for (const reason of decision.reasons) assert.ok(reason.message.length > 10, `reason ${reason.code} has a message`);
  assert.equal(decision.decidedAt.getTime(), testNow.getTime());
}
