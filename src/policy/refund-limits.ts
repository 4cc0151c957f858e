import { formatMoney, toCents } from '../core/money';
import type { RefundLimit, StoreSettings } from '../core/settings';
import type { Reason } from './decision';
import type { RefundReasonCode } from './refund-reasons';

/** One earlier refund request by the same shopper (any of their orders, conversations, channels). */
export interface ShopperRefund {
  orderName: string;
  amountCents: number;
  currency: string | null;
  /** Paid without a human. */
  automatic: boolean;
  /** Paid (or asked) without the goods coming back. */
  returnless: boolean;
  /** completed, in_progress or pending: what counts; failed, rejected and void requests moved no money. */
  status: string;
  createdAt: Date;
}

const DAY_MS = 86_400_000;
const counting = new Set(['completed', 'in_progress', 'pending']);

/** The longest window of the store's limits: how far back the shopper's history must be read. */
export const refundLimitHorizonDays = (settings: StoreSettings): number => Math.max(0, ...settings.refundLimits.map((l) => l.windowDays));

/**
 * The store's abuse limits against the shopper's history: a refund that would take the shopper
 * over any limit's count or amount inside its rolling window goes to a human (review), with the
 * history the operator needs in the message. Only a refund that would be automatic is held by an
 * `automatic` limit; every returnless refund is held by a `returnless` one. Pending requests count
 * (a shopper cannot queue past a limit); failed, rejected and void ones do not.
 */
export function shopperLimitReasons(input: {
  settings: StoreSettings;
  history: ShopperRefund[];
  requestedCents: number;
  currency: string;
  returnless: boolean;
  now: Date;
}): Reason<RefundReasonCode>[] {
  const { settings, history, requestedCents, currency, returnless, now } = input;
  const reasons: Reason<RefundReasonCode>[] = [];
  for (const limit of settings.refundLimits) {
    if (limit.kind === 'returnless' && !returnless) continue;
    const since = now.getTime() - limit.windowDays * DAY_MS;
    const earlier = history.filter(
      (r) => counting.has(r.status) && r.createdAt.getTime() >= since && (limit.kind === 'automatic' ? r.automatic : r.returnless),
    );
    const sameCurrency = earlier.filter((r) => (r.currency ?? currency) === currency);
    const earlierCents = sameCurrency.reduce((sum, r) => sum + r.amountCents, 0);
    const maxCents = toCents(limit.maxAmount, settings.currency);
    const overCount = earlier.length + 1 > limit.maxCount;
    const overAmount = currency === settings.currency && earlierCents + requestedCents > maxCents;
    if (!overCount && !overAmount) continue;
    reasons.push(limitReason(limit, earlier, earlierCents, requestedCents, currency, overCount, overAmount));
  }
  return reasons;
}

function limitReason(
  limit: RefundLimit,
  earlier: ShopperRefund[],
  earlierCents: number,
  requestedCents: number,
  currency: string,
  overCount: boolean,
  overAmount: boolean,
): Reason<RefundReasonCode> {
  const what = limit.kind === 'automatic' ? 'automatic refunds' : 'returnless refunds';
  const money = (cents: number) => formatMoney(cents, currency);
  const orders = [...new Set(earlier.map((r) => r.orderName))];
  const history =
    earlier.length === 0
      ? 'none before'
      : `${earlier.length} before (${money(earlierCents)}) on ${orders.slice(0, 10).join(', ')}${orders.length > 10 ? ` and ${orders.length - 10} more` : ''}`;
  const over = [
    overCount ? `${limit.maxCount} per ${limit.windowDays} day(s)` : null,
    overAmount ? `${money(earlierCents + requestedCents)} over ${money(Math.round(limit.maxAmount * 100))} per ${limit.windowDays} day(s)` : null,
  ]
    .filter(Boolean)
    .join('; ');
  return {
    code: 'shopper_limit_reached',
    effect: 'review',
    message: `this shopper's ${what} in the last ${limit.windowDays} day(s): ${history}; this one (${money(requestedCents)}) would pass the store's limit (${over}); a human approves`,
    facts: {
      limitKind: limit.kind,
      windowDays: limit.windowDays,
      earlierCount: earlier.length,
      earlierCents,
      requestedCents,
      maxCount: limit.maxCount,
      maxAmount: limit.maxAmount,
      orders,
    },
  };
}
