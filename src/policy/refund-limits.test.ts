import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applySettingsPatch, defaultSettings, settingsPatchSchema } from '../core/settings';
import { decideRefund } from './refund-approval';
import type { ShopperRefund } from './refund-limits';
import { daysAgo, testFulfillment, testLineItem, testNow, testOrder, testReturn, testSettings } from './test-fixtures';

const earlier = (overrides: Partial<ShopperRefund> = {}): ShopperRefund => ({
  orderName: '#1002',
  amountCents: 2500,
  currency: 'USD',
  automatic: true,
  returnless: true,
  status: 'completed',
  createdAt: daysAgo(3),
  ...overrides,
});
const damaged = (history: ShopperRefund[], settings = testSettings()) =>
  decideRefund({ order: testOrder(), reason: 'damaged', settings, now: testNow, shopperHistory: history });
const codes = (d: ReturnType<typeof damaged>) => d.reasons.map((r) => r.code);

describe('abuse limits per shopper', () => {
  test('a first returnless refund under every limit is automatic', () => {
    assert.equal(damaged([]).outcome, 'allow');
  });

  test('the third returnless refund in 30 days waits for a human (default: 2)', () => {
    const d = damaged([earlier({ orderName: '#1002' }), earlier({ orderName: '#1003', createdAt: daysAgo(20) })]);
    assert.equal(d.outcome, 'review');
    assert.ok(codes(d).includes('shopper_limit_reached'));
  });

  test('the operator reads the history: which orders, how many, how much', () => {
    const d = damaged([earlier({ orderName: '#1002' }), earlier({ orderName: '#1003' })]);
    const message = d.reasons.find((r) => r.code === 'shopper_limit_reached')!.message;
    assert.match(message, /#1002, #1003/);
    assert.match(message, /2 before \(\$50\.00\)/);
  });

  test('the amount cap holds under the count: $90 already, $25 more passes $100', () => {
    const d = damaged([earlier({ amountCents: 9000, returnless: true, automatic: false })]);
    assert.equal(d.outcome, 'review');
    assert.ok(codes(d).includes('shopper_limit_reached'));
  });

  test('outside the window, history does not count', () => {
    assert.equal(damaged([earlier({ createdAt: daysAgo(31) }), earlier({ createdAt: daysAgo(40) })]).outcome, 'allow');
  });

  test('requests that moved no money (failed, rejected, void) do not count; pending ones do', () => {
    const none = ['failed', 'rejected', 'void'].map((status) => earlier({ status }));
    assert.equal(damaged([...none, ...none]).outcome, 'allow');
    assert.equal(damaged([earlier({ status: 'pending', automatic: false }), earlier({ status: 'pending', automatic: false })]).outcome, 'review');
  });

  test('automatic refunds per day: a third automatic one the same day waits, returnless or not', () => {
    const settings = testSettings({ refundLimits: [{ kind: 'automatic', windowDays: 1, maxCount: 2, maxAmount: 1000 }] });
    const today = [earlier({ createdAt: daysAgo(0.1), returnless: false }), earlier({ createdAt: daysAgo(0.2), returnless: false })];
    const d = damaged(today, settings);
    assert.equal(d.outcome, 'review');
    assert.equal(
      damaged(
        today.map((r) => ({ ...r, automatic: false })),
        settings,
      ).outcome,
      'allow',
      'refunds a human approved are not automatic',
    );
  });

  test('a returnless limit does not hold a refund that needs the goods back', () => {
    const settings = testSettings({ refundLimits: [{ kind: 'returnless', windowDays: 30, maxCount: 0, maxAmount: 0 }] });
    const order = testOrder({ returns: [testReturn({ status: 'received', lineItems: [{ lineItemId: 'li-1', quantity: 1 }] })] });
    const d = decideRefund({ order, reason: 'changed_mind', settings, now: testNow, shopperHistory: [] });
    assert.ok(!codes(d).includes('shopper_limit_reached'));
    assert.equal(damaged([], settings).outcome, 'review');
  });

  test('no history given: not checked (the approval path re-decides without it; a human already looked)', () => {
    assert.ok(
      !codes(
        decideRefund({
          order: testOrder(),
          reason: 'damaged',
          settings: testSettings({ refundLimits: [{ kind: 'returnless', windowDays: 30, maxCount: 0, maxAmount: 0 }] }),
          now: testNow,
        }),
      ).includes('shopper_limit_reached'),
    );
  });
});

describe('excluded categories hold for refunds', () => {
  const card = testLineItem({ id: 'li-g', title: 'Gift Card', productType: 'Gift Card', tags: ['gift-card'], priceCents: 5000 });
  const shirt = testLineItem();
  const both = testOrder({
    lineItems: [shirt, card],
    fulfillments: [testFulfillment({ lineItemIds: ['li-1', 'li-g'] })],
    subtotalCents: 7000,
    shippingCents: 0,
    totalCents: 7000,
  });

  test('a damaged gift card is refused, not refunded', () => {
    const d = decideRefund({
      order: testOrder({ lineItems: [card], totalCents: 5000, shippingCents: 0, subtotalCents: 5000 }),
      reason: 'damaged',
      items: [{ lineItemId: 'li-g', quantity: 1 }],
      settings: testSettings(),
      now: testNow,
    });
    assert.equal(d.outcome, 'deny');
    assert.equal(d.reasons[0]!.code, 'excluded_category');
    assert.equal(d.amountCents, 0);
  });

  test('"refund everything" on an order with a card refunds the rest only', () => {
    const d = decideRefund({ order: both, reason: 'damaged', settings: testSettings(), now: testNow });
    assert.equal(d.requestedCents, 2000);
    assert.deepEqual(d.items, [{ lineItemId: 'li-1', quantity: 1 }]);
  });

  test('an amount only the card could cover is refused; one the shirt covers is not', () => {
    assert.equal(
      decideRefund({ order: both, reason: 'damaged', amountCents: 6000, settings: testSettings(), now: testNow }).reasons[0]!.code,
      'excluded_category',
    );
    assert.notEqual(decideRefund({ order: both, reason: 'damaged', amountCents: 1500, settings: testSettings(), now: testNow }).outcome, 'deny');
  });
});

describe('refund limits as settings', () => {
  test('defaults hold a limit on automatic and on returnless refunds', () => {
    assert.ok(defaultSettings.refundLimits.some((l) => l.kind === 'automatic'));
    assert.ok(defaultSettings.refundLimits.some((l) => l.kind === 'returnless'));
  });

  test('a patch replaces the list; bad values are refused with the field named', () => {
    const next = applySettingsPatch(defaultSettings, { refundLimits: [{ kind: 'returnless', windowDays: 7, maxCount: 1, maxAmount: 40 }] });
    assert.deepEqual(next.refundLimits, [{ kind: 'returnless', windowDays: 7, maxCount: 1, maxAmount: 40 }]);
    for (const bad of [
      { kind: 'sometimes', windowDays: 7, maxCount: 1, maxAmount: 1 },
      { kind: 'automatic', windowDays: 0, maxCount: 1, maxAmount: 1 },
      { kind: 'automatic', windowDays: 7, maxCount: -1, maxAmount: 1 },
      { kind: 'automatic', windowDays: 7, maxCount: 1.5, maxAmount: 1 },
      { kind: 'automatic', windowDays: 7, maxCount: 1 },
    ]) {
      const parsed = settingsPatchSchema.safeParse({ refundLimits: [bad] });
      assert.equal(parsed.success, false, JSON.stringify(bad));
      assert.equal(parsed.error!.issues[0]!.path[0], 'refundLimits');
    }
  });
});
