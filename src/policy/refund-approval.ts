import type { Order } from '../core/commerce';
import { formatMoney, toCents } from '../core/money';
import type { ItemQuantity } from '../core/ports/commerce';
import type { StoreSettings } from '../core/settings';
import { decisionFrom, type Decision, type Reason } from './decision';
import { countingRefunds, refundedQuantity, returnedOrInTransitStatuses, returnedQuantity } from './order-facts';
import { itemInCategory } from './categories';
import { resolveRefundAmount, type OpenRefundRequest } from './refund-amount';
import { shopperLimitReasons, type ShopperRefund } from './refund-limits';
import type { RefundReason, RefundReasonCode } from './refund-reasons';
import { refundTimingReasons } from './refund-timing';
import { evidenceReasons, type RefundEvidence } from './refund-evidence';

/** Input of decideRefund. Give amountCents, or items (amount = price × quantity), or neither (everything left). */
export interface RefundInput {
  order: Order;
  reason: RefundReason;
  amountCents?: number;
  items?: ItemQuantity[];
  settings: StoreSettings;
  now: Date;
  /**
   * Other refund requests on this order not paid yet (waiting for a human, or being paid): they
   * hold their amount and units, and count as earlier refunds for `maxRefundsPerOrder`.
   */
  openRequests?: OpenRefundRequest[];
  /**
   * The shopper's earlier refund requests across orders, conversations and channels (read back as
   * far as refundLimitHorizonDays): the store's abuse limits decide with them. Absent: not checked.
   */
  shopperHistory?: ShopperRefund[];
  /**
   * The photos attached for this claim: where the store asks for one (settings.evidence), none is
   * `evidence_required` and some is `evidence_attached` (a person looks). Absent: not checked.
   */
  evidence?: RefundEvidence;
}

export type { OpenRefundRequest, RefundEvidence, ShopperRefund };

/** Whether a refund may be paid now (allow), needs a human (review) or is refused (deny). */
export interface RefundDecision extends Decision<RefundReasonCode> {
  /** What was asked for, in the order's minor units. */
  requestedCents: number;
  /** What may be paid: the requested amount when allowed or under review, 0 when denied. */
  amountCents: number;
  currency: string;
  items: ItemQuantity[];
  remainingRefundableCents: number;
  /** Whether this reason needs the goods back (in transit or received) before paying. */
  returnRequired: boolean;
  autoApproveLimitCents: number;
  /** The store asks for a photo of this claim and none is attached: nothing may be requested yet. */
  evidenceMissing: boolean;
}

type R = Reason<RefundReasonCode>;

/**
 * Decides a refund. Every check adds its reason; the strictest wins. Denied: bad amount or items,
 * unpaid or fully refunded order, outside the window, goods not back when the reason needs them.
 * Review: the order already had maxRefundsPerOrder refunds, the amount is over the auto-approve
 * limit, or the facts are unclear. Allowed otherwise.
 */
export function decideRefund(input: RefundInput): RefundDecision {
  const { order, reason, settings, now } = input;
  const open = input.openRequests ?? [];
  const excluded = (lineItemId: string) => {
    const line = order.lineItems.find((l) => l.id === lineItemId);
    return line !== undefined && settings.excludedReturnCategories.some((category) => itemInCategory(line, category));
  };
  const amount = resolveRefundAmount(order, input.amountCents, input.items, open, excluded);
  const returnRequired = !settings.returnlessRefundReasons.includes(reason);
  const limitCents = toCents(settings.refundAutoApproveLimit, settings.currency);
  const payment = paymentReasons(order);
  const reasons: R[] = [
    ...payment,
    ...amount.reasons.filter((r) => !payment.some((p) => p.code === r.code)),
    ...refundTimingReasons(
      order,
      amount.items.map((item) => item.lineItemId),
      reason,
      settings,
      now,
    ),
    ...returnReasons(order, reason, returnRequired, amount.items, amount.explicitAmount ? amount.requestedCents : undefined),
    ...countReasons(order, settings, open.length),
    ...limitReasons(order, amount.requestedCents, limitCents, settings),
    ...evidenceReasons(settings, { reason, returnless: !returnRequired, requestedCents: amount.requestedCents, currency: order.currency, evidence: input.evidence }),
    ...(input.shopperHistory ? shopperLimitReasons({ settings, history: input.shopperHistory, requestedCents: amount.requestedCents, currency: order.currency, returnless: !returnRequired, now }) : []),
  ];
  const decision = decisionFrom(reasons, now);
  return {
    ...decision,
    requestedCents: amount.requestedCents,
    amountCents: decision.outcome === 'deny' ? 0 : amount.requestedCents,
    currency: order.currency,
    items: amount.items,
    remainingRefundableCents: amount.remainingRefundableCents,
    returnRequired,
    autoApproveLimitCents: limitCents,
    evidenceMissing: reasons.some((r) => r.code === 'evidence_required'),
  };
}

function paymentReasons(order: Order): R[] {
  const status = order.financialStatus;
  if (status === 'pending' || status === 'authorized')
    return [
      {
        code: 'not_paid',
        effect: 'deny',
        message: `order ${order.name} is ${status}: no payment was captured, so there is nothing to refund (cancel it instead)`,
        facts: { financialStatus: status },
      },
    ];
  if (status === 'refunded' || status === 'voided')
    return [{ code: 'nothing_to_refund', effect: 'deny', message: `order ${order.name} is already ${status}`, facts: { financialStatus: status } }];
  if (order.cancelledAt)
    return [
      {
        code: 'order_cancelled',
        effect: 'review',
        message: `order ${order.name} was cancelled but is still ${status}; a human checks why it was not refunded on cancellation`,
        facts: { financialStatus: status },
      },
    ];
  return [];
}

/**
 * Goods back: a returnless reason needs nothing; otherwise each item's units in returns that are
 * in transit, received or closed (less units already refunded) must cover the quantity, or, for an
 * amount without items, the value of those units must cover the amount.
 */
function returnReasons(order: Order, reason: RefundReason, required: boolean, items: ItemQuantity[], amountOnly: number | undefined): R[] {
  if (!required) return [{ code: 'returnless_reason', effect: 'allow', message: `'${reason}' is a returnless refund reason for this store; no return needed` }];
  const back = (lineItemId: string) => Math.max(0, returnedQuantity(order, lineItemId, returnedOrInTransitStatuses) - refundedQuantity(order, lineItemId));
  const pending = order.returns.filter((r) => r.status === 'requested' || r.status === 'open').map((r) => r.rma);
  const hint = pending.length > 0 ? `return ${pending.join(', ')} is open but not yet shipped back` : 'a return can be started';
  const missing = (message: string, facts: Record<string, unknown>): R[] => [
    {
      code: 'return_required',
      effect: 'deny',
      message: `'${reason}' needs the goods back first: ${message}; ${hint}`,
      facts: { ...facts, openReturns: pending },
    },
  ];
  if (items.length > 0) {
    const short = items.filter((item) => back(item.lineItemId) < item.quantity);
    if (short.length > 0)
      return missing(
        `${short.map((item) => `"${titleOf(order, item.lineItemId)}" ×${item.quantity} (${back(item.lineItemId)} back)`).join(', ')} not in transit or received`,
        { lineItemIds: short.map((i) => i.lineItemId) },
      );
    return [{ code: 'return_in_transit_or_received', effect: 'allow', message: 'the items are on their way back or received' }];
  }
  const backValue = order.lineItems.reduce((sum, line) => sum + line.priceCents * back(line.id), 0);
  if (amountOnly === undefined || backValue < amountOnly)
    return missing(`goods worth ${formatMoney(backValue, order.currency)} are in transit or received`, { returnedValueCents: backValue });
  return [
    {
      code: 'return_in_transit_or_received',
      effect: 'allow',
      message: `goods worth ${formatMoney(backValue, order.currency)} are on their way back or received`,
    },
  ];
}

const titleOf = (order: Order, lineItemId: string): string => order.lineItems.find((line) => line.id === lineItemId)?.title ?? lineItemId;

function countReasons(order: Order, settings: StoreSettings, openRequests: number): R[] {
  const earlier = countingRefunds(order).length + openRequests;
  if (earlier < settings.maxRefundsPerOrder) return [];
  const open = openRequests > 0 ? ` (${openRequests} of them not yet paid)` : '';
  return [
    {
      code: 'refund_limit_reached',
      effect: 'review',
      message: `${earlier} earlier refund(s) on this order${open}; the store allows ${settings.maxRefundsPerOrder} per order without review`,
      facts: { earlierRefunds: earlier, openRequests, maxRefundsPerOrder: settings.maxRefundsPerOrder },
    },
  ];
}

function limitReasons(order: Order, requestedCents: number, limitCents: number, settings: StoreSettings): R[] {
  if (order.currency !== settings.currency)
    return [
      {
        code: 'currency_mismatch',
        effect: 'review',
        message: `the order is in ${order.currency} but the auto-approve limit is in ${settings.currency}; a human approves`,
        facts: { orderCurrency: order.currency, settingsCurrency: settings.currency },
      },
    ];
  const facts = { amountCents: requestedCents, autoApproveLimitCents: limitCents };
  const amount = formatMoney(requestedCents, order.currency);
  const limit = formatMoney(limitCents, settings.currency);
  return requestedCents <= limitCents
    ? [{ code: 'within_auto_approve_limit', effect: 'allow', message: `amount ${amount} ≤ auto-approve limit ${limit}`, facts }]
    : [{ code: 'over_auto_approve_limit', effect: 'review', message: `amount ${amount} is over the auto-approve limit ${limit}; a human approves`, facts }];
}
