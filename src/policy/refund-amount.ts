import { formatMoney } from '../core/money';
import type { Order } from '../core/commerce';
import type { ItemQuantity } from '../core/ports/commerce';
import type { Reason } from './decision';
import { alreadyRefundedCents, refundedQuantity } from './order-facts';
import type { RefundReasonCode } from './refund-reasons';

/** What a refund request comes to: the amount, the items it covers, and what is left to refund. */
export interface RefundAmount {
  requestedCents: number;
  items: ItemQuantity[];
  /** Whether the amount was named by the caller (not derived from items or the order). */
  explicitAmount: boolean;
  remainingRefundableCents: number;
  reasons: Reason<RefundReasonCode>[];
}

/** Refund requests on the order that are not paid yet but hold their amount: waiting for a human, or being paid right now. */
export interface OpenRefundRequest {
  amountCents: number;
  items: ItemQuantity[];
}

/**
 * Resolves the amount: the one given; else the items' price × quantity; else everything still
 * refundable on the order (total − already refunded − held by open requests) with every unit not
 * yet refunded or held. Checks the items exist and are not refunded (or held) already, and the
 * amount is positive, whole and within what is left.
 */
export function resolveRefundAmount(
  order: Order,
  amountCents: number | undefined,
  asked: ItemQuantity[] | undefined,
  open: OpenRefundRequest[] = [],
  excluded: (lineItemId: string) => boolean = () => false,
): RefundAmount {
  const money = (cents: number) => formatMoney(cents, order.currency);
  const heldCents = open.reduce((sum, request) => sum + request.amountCents, 0);
  const held = (lineItemId: string) => open.flatMap((r) => r.items).filter((i) => i.lineItemId === lineItemId).reduce((sum, i) => sum + i.quantity, 0);
  const remaining = Math.max(0, order.totalCents - alreadyRefundedCents(order) - heldCents);
  const reasons: Reason<RefundReasonCode>[] = [];
  // Units of excluded categories (gift cards, final sale) not refunded yet: never part of "everything left".
  const excludedLeftCents = order.lineItems.filter((line) => excluded(line.id)).reduce((sum, line) => sum + line.priceCents * Math.max(0, line.quantity - refundedQuantity(order, line.id) - held(line.id)), 0);
  const everything = amountCents === undefined && asked === undefined;
  const items = asked ?? (amountCents === undefined ? unrefundedItems(order, held).filter((item) => !excluded(item.lineItemId)) : []);

  let itemsValue = 0;
  for (const { lineItemId, quantity } of items) {
    const line = order.lineItems.find((item) => item.id === lineItemId);
    if (!line) {
      reasons.push({ code: 'unknown_item', effect: 'deny', message: `line item ${lineItemId} is not on order ${order.name}`, facts: { lineItemId } });
      continue;
    }
    itemsValue += line.priceCents * quantity;
    const left = line.quantity - refundedQuantity(order, line.id) - held(line.id);
    if (!Number.isInteger(quantity) || quantity <= 0 || quantity > left)
      reasons.push({
        code: 'quantity_exceeds_refundable',
        effect: 'deny',
        message: `asked to refund ${quantity} of "${line.title}"; ${Math.max(0, left)} of ${line.quantity} are not refunded yet${held(line.id) > 0 ? ` (${held(line.id)} held by a request not yet paid)` : ''}`,
        facts: { lineItemId, requestedQuantity: quantity, refundableQuantity: Math.max(0, left), heldQuantity: held(line.id) },
      });
  }

  const requestedCents = amountCents ?? (asked ? itemsValue : Math.max(0, remaining - excludedLeftCents));
  const excludedAsked = items.filter((item) => excluded(item.lineItemId));
  if (excludedAsked.length > 0 || (everything && items.length === 0 && excludedLeftCents > 0) || (amountCents !== undefined && !asked && amountCents <= remaining && amountCents > remaining - excludedLeftCents))
    reasons.push({
      code: 'excluded_category',
      effect: 'deny',
      message:
        excludedAsked.length > 0
          ? `${excludedAsked.map((item) => `"${order.lineItems.find((line) => line.id === item.lineItemId)?.title ?? item.lineItemId}"`).join(', ')} is in a category the store excludes from refunds`
          : `only items the store excludes from refunds are left to cover ${money(requestedCents)}; ${money(Math.max(0, remaining - excludedLeftCents))} is refundable outside them`,
      facts: { lineItemIds: excludedAsked.map((item) => item.lineItemId), excludedLeftCents },
    });
  if (reasons.some((r) => r.code === 'excluded_category')) {
    // The exclusion decides; the amount checks below would only repeat it.
  } else if (remaining === 0)
    reasons.push({
      code: 'nothing_to_refund',
      effect: 'deny',
      message: `${money(alreadyRefundedCents(order))} of the ${money(order.totalCents)} order is already refunded${heldCents > 0 ? ` and ${money(heldCents)} is held by requests not yet paid` : ''}; nothing is left to refund`,
      facts: { requestedCents, remainingRefundableCents: 0, totalCents: order.totalCents, heldCents },
    });
  else if (!Number.isInteger(requestedCents) || requestedCents <= 0)
    reasons.push({
      code: 'invalid_amount',
      effect: 'deny',
      message: `the refund amount must be a whole number of minor units above 0 (got ${requestedCents})`,
      facts: { requestedCents },
    });
  else if (requestedCents > remaining)
    reasons.push({
      code: 'exceeds_refundable_amount',
      effect: 'deny',
      message: `asked for ${money(requestedCents)}; ${money(remaining)} of the ${money(order.totalCents)} order is left to refund${heldCents > 0 ? ` (${money(heldCents)} held by requests not yet paid)` : ''}`,
      facts: { requestedCents, remainingRefundableCents: remaining, totalCents: order.totalCents, heldCents },
    });
  if (amountCents !== undefined && asked && asked.length > 0 && amountCents > itemsValue && reasons.length === 0)
    reasons.push({
      code: 'amount_exceeds_items_value',
      effect: 'review',
      message: `asked for ${money(amountCents)} for items worth ${money(itemsValue)}; a human checks the difference (shipping, goodwill)`,
      facts: { requestedCents: amountCents, itemsValueCents: itemsValue },
    });
  return { requestedCents, items, explicitAmount: amountCents !== undefined, remainingRefundableCents: remaining, reasons };
}

function unrefundedItems(order: Order, held: (lineItemId: string) => number): ItemQuantity[] {
  return order.lineItems
    .map((item) => ({ lineItemId: item.id, quantity: item.quantity - refundedQuantity(order, item.id) - held(item.id) }))
    .filter((item) => item.quantity > 0);
}
