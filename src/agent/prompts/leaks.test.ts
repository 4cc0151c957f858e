import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultSettings } from '../../core/settings';
import { orderChangeReasonCodes, refundReasonCodes, returnReasonCodes } from '../../policy/index';
import { createReplyRenderer } from './render';

/**
 * Every reply template rendered with every reason code the policy engine can give, and with the
 * operator's wording of the decision poisoned into every field a template might print: no reply may
 * carry a reason code, an internal figure (the auto-approve limit, the abuse limits, counts), the
 * words that name them, or the same sentence twice (issue 14 item 3, issue 21).
 */
const renderer = createReplyRenderer();
const now = new Date('2026-03-10T12:00:00Z');
// Distinctive figures: if one shows up in a reply, a limit leaked.
const settings = {
  ...defaultSettings,
  refundAutoApproveLimit: 73.21,
  maxRefundsPerOrder: 7,
  refundLimits: [{ kind: 'returnless' as const, windowDays: 29, maxCount: 3, maxAmount: 91.17 }],
};
const operatorText =
  'amount $120.00 is over the auto-approve limit $73.21; 7 earlier refund(s) on this order; the store allows 7 per order without review; shopper_limit_reached 3 per 29 day(s) $91.17';
const reasons = [
  ...new Set([
    ...refundReasonCodes,
    ...orderChangeReasonCodes,
    ...returnReasonCodes,
    'write_not_confirmed',
    'address_invalid',
    'verification_failed',
    'too_many_attempts',
  ]),
];

const facts = (reason: string): Record<string, unknown> => ({
  reason,
  // What an old caller passed: a template that prints it leaks the operator's wording.
  reasons: operatorText,
  message: operatorText,
  note: null,
  order_name: '#1042',
  reference: '#1042',
  amount: 4500,
  refunded: 4500,
  remaining: 2500,
  total: 12000,
  currency: 'USD',
  items: 'Knit Beanie',
  item_count: 1,
  window_days: 30,
  alternatives: '',
  returnable: true,
  cancellable: true,
  pending: null,
  refunds: [],
  options: [{ id: 'a', title: 'Knit Beanie' }],
  status: 'reviewing',
  since: now.toISOString(),
  carrier: 'UPS',
  tracking_number: '1Z999AA10123456784',
  tracking_url: null,
  label_url: null,
  rma: 'RMA-1',
  eta: null,
  last_event: null,
  exchange: false,
});

const leaks: [RegExp, string][] = [
  [/\$73\.21|73\.21|\$91\.17|91\.17/, 'a limit figure'],
  [/auto-?approve|\blimits?\b|threshold|per order without|earlier refund\(s\)|allows \d|day\(s\)/i, 'a word naming a limit'],
  [/\b[a-z]+_[a-z_]+\b/, 'a reason code'],
  [/undefined|\bnull\b|NaN|\{\{|\{%/, 'a template slip'],
  [/\b(\w+) \1\b/i, 'a doubled word'],
];

test('no reply template, with any decision reason, discloses a limit, a code or the operator wording', () => {
  let rendered = 0;
  for (const key of renderer.keys()) {
    for (const reason of reasons) {
      let text: string;
      try {
        text = renderer.render({ template: key, vars: facts(reason) }, settings, now);
      } catch {
        continue; // a template whose facts this generic set does not satisfy is covered by its own tests
      }
      rendered += 1;
      for (const [pattern, what] of leaks) assert.doesNotMatch(text, pattern, `${key} with ${reason} prints ${what}: ${text}`);
      const sentences = text
        .split(/(?<=[.!?])\s+/)
        .map((s) => s.trim())
        .filter((s) => s.length > 15);
      assert.equal(new Set(sentences).size, sentences.length, `${key} with ${reason} repeats a sentence: ${text}`);
    }
  }
  assert.ok(rendered >= renderer.keys().length * reasons.length * 0.8, `rendered ${rendered}`);
});

test('each refusal names its deciding reason in its own words, not the fallback', () => {
  const refusals: [string, readonly string[]][] = [
    [
      'refunds/denied',
      [
        'not_paid',
        'nothing_to_refund',
        'exceeds_refundable_amount',
        'invalid_amount',
        'excluded_category',
        'not_shipped',
        'not_delivered',
        'outside_refund_window',
      ],
    ],
    ['changes/cancel_denied', ['already_cancelled', 'already_shipped', 'order_refunded']],
    ['changes/address_denied', ['already_shipped', 'address_incomplete', 'address_invalid', 'country_changed']],
    ['returns/not_eligible', ['excluded_category', 'outside_return_window', 'already_returned', 'order_refunded']],
  ];
  for (const [key, codes] of refusals) {
    const fallback = renderer.render({ template: key, vars: facts('no_such_reason') }, settings, now);
    const texts = codes.map((code) => renderer.render({ template: key, vars: facts(code) }, settings, now));
    for (const [i, text] of texts.entries()) assert.notEqual(text, fallback, `${key} has no wording of its own for ${codes[i]}`);
    assert.equal(new Set(texts).size, texts.length, `${key}: two reasons share one wording`);
  }
});

test("a refusal for more than is left says what is left on the order, the one figure that is the shopper's own", () => {
  const text = renderer.render({ template: 'refunds/denied', vars: facts('exceeds_refundable_amount') }, settings, now);
  assert.match(text, /more than is left to refund on order #1042/);
  assert.match(text, /\$25\.00/);
});
