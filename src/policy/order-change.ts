import { unsafeText, unsafeTextMessage } from '../core/safe-text';
import type { Address, Order } from '../core/commerce';
import { formatMoney } from '../core/money';
import { decisionFrom, type Decision, type Reason } from './decision';
import { alreadyRefundedCents, orderShippingState } from './order-facts';

/** Reason codes of cancellation and address-change decisions. */
export const orderChangeReasonCodes = [
  'already_cancelled',
  'order_refunded',
  'already_shipped',
  'partially_shipped',
  'fulfillment_in_progress',
  'not_yet_fulfilled',
  'address_incomplete',
  'address_invalid',
  'country_changed',
  'address_complete',
] as const;
export type OrderChangeReasonCode = (typeof orderChangeReasonCodes)[number];

/** Whether an order may be cancelled, and what cancelling pays back. */
export interface CancellationDecision extends Decision<OrderChangeReasonCode> {
  /** What a cancellation refunds (captured payment less earlier refunds); 0 when nothing was captured or when denied. */
  refundCents: number;
  currency: string;
}

/** Whether the shipping address may be changed (and, when given, whether the new one will do). */
export type AddressChangeDecision = Decision<OrderChangeReasonCode>;

type R = Reason<OrderChangeReasonCode>;

/**
 * What blocks any change to an order: cancelled, refunded/voided, or shipped. A fulfillment with a
 * label but not yet with the carrier, or a partly shipped order, goes to a human (they can stop the
 * parcel or change the rest); nothing in the carrier's hands is changed by the assistant.
 */
function changeBlockers(order: Order, change: string): R[] {
  if (order.cancelledAt) return [{ code: 'already_cancelled', effect: 'deny', message: `order ${order.name} is already cancelled` }];
  if (order.financialStatus === 'refunded' || order.financialStatus === 'voided')
    return [
      {
        code: 'order_refunded',
        effect: 'deny',
        message: `order ${order.name} is already ${order.financialStatus}`,
        facts: { financialStatus: order.financialStatus },
      },
    ];
  switch (orderShippingState(order)) {
    case 'shipped':
      return [
        { code: 'already_shipped', effect: 'deny', message: `order ${order.name} has shipped; ${change} is no longer possible (a return is, once delivered)` },
      ];
    case 'partial':
      return [{ code: 'partially_shipped', effect: 'review', message: `part of order ${order.name} has shipped; a human decides on ${change} for the rest` }];
    case 'preparing':
      return [
        {
          code: 'fulfillment_in_progress',
          effect: 'review',
          message: `order ${order.name} is being prepared (shipping label created, not yet with the carrier); a human can still stop it for ${change}`,
        },
      ];
    case 'none':
      return [{ code: 'not_yet_fulfilled', effect: 'allow', message: `order ${order.name} has not been fulfilled yet` }];
  }
}

/** Decides whether an order may be cancelled: only before anything is with the carrier. */
export function decideCancellation(input: { order: Order; now: Date }): CancellationDecision {
  const { order, now } = input;
  const decision = decisionFrom(changeBlockers(order, 'cancellation'), now);
  const captured = ['paid', 'partially_paid', 'partially_refunded'].includes(order.financialStatus);
  const refundCents = decision.outcome === 'deny' || !captured ? 0 : Math.max(0, order.totalCents - alreadyRefundedCents(order));
  const reasons = decision.reasons.map((reason) =>
    reason.code === 'not_yet_fulfilled'
      ? {
          ...reason,
          message: `${reason.message}; cancelling ${captured ? `refunds ${formatMoney(refundCents, order.currency)}` : 'releases the uncaptured payment'}`,
          facts: { refundCents },
        }
      : reason,
  );
  return { ...decision, reasons, refundCents, currency: order.currency };
}

const requiredAddressFields = ['address1', 'city', 'zip', 'country'] as const;
const addressFields = ['name', 'address1', 'address2', 'city', 'province', 'zip', 'country', 'phone'] as const;

/** Decides whether the shipping address may be changed and, when `newAddress` is given, checks it. */
export function decideAddressChange(input: { order: Order; newAddress?: Partial<Address>; now: Date }): AddressChangeDecision {
  const { order, newAddress, now } = input;
  const reasons = changeBlockers(order, 'an address change');
  if (newAddress && !reasons.some((reason) => reason.effect === 'deny')) reasons.push(...addressReasons(order, newAddress));
  return decisionFrom(reasons, now);
}

function addressReasons(order: Order, address: Partial<Address>): R[] {
  const unsafe = addressFields.flatMap((field) => {
    const value = address[field];
    const why = typeof value === 'string' ? unsafeText(value, field === 'name' ? 'name' : 'address_line') : null;
    return why ? [{ field, why }] : [];
  });
  if (unsafe.length > 0)
    return [
      {
        code: 'address_invalid',
        effect: 'deny',
        message: `the new address is not plain text: ${unsafe.map((u) => `${u.field} ${unsafeTextMessage[u.why]}`).join('; ')}`,
        facts: { fields: unsafe.map((u) => u.field), problems: unsafe.map((u) => u.why) },
      },
    ];
  const missing = requiredAddressFields.filter((field) => (address[field] ?? '').trim() === '');
  if (missing.length > 0)
    return [{ code: 'address_incomplete', effect: 'deny', message: `the new address lacks ${missing.join(', ')}`, facts: { missingFields: missing } }];
  const before = order.shippingAddress?.country.trim().toLowerCase();
  const after = address.country!.trim().toLowerCase();
  if (before !== undefined && before !== after)
    return [
      {
        code: 'country_changed',
        effect: 'review',
        message: `the new address is in another country (${order.shippingAddress!.country} → ${address.country}); shipping cost and duties may change, a human approves`,
        facts: { fromCountry: order.shippingAddress!.country, toCountry: address.country },
      },
    ];
  return [{ code: 'address_complete', effect: 'allow', message: 'the new address has street, city, postal code and country' }];
}
