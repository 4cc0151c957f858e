import type { LineItem, Order } from '../core/commerce';
import type { StoreSettings } from '../core/settings';
import { conditionQuestionsFor, matchingCategory } from './categories';
import { addDays, isoDay, isWithinWindow, wholeDaysBetween } from './days';
import { decisionFrom, type Decision, type Reason } from './decision';
import { itemDelivery, refundedQuantity, returnedQuantity } from './order-facts';

/** Reason codes of a return decision (order level and item level). */
export const returnReasonCodes = [
  'order_cancelled',
  'order_refunded',
  'returns_not_accepted',
  'unknown_item',
  'invalid_quantity',
  'already_returned',
  'quantity_exceeds_returnable',
  'excluded_category',
  'not_shipped',
  'not_delivered',
  'delivery_date_unknown',
  'outside_return_window',
  'within_return_window',
  'condition_confirmed',
  'condition_not_confirmed',
  'some_items_not_returnable',
] as const;
export type ReturnReasonCode = (typeof returnReasonCodes)[number];

/** The return decision for one line item. */
export interface ReturnItemDecision extends Decision<ReturnReasonCode> {
  lineItemId: string;
  title: string;
  requestedQuantity: number;
  /** Units still returnable: bought, less those already in a return or refunded. */
  returnableQuantity: number;
  deliveredAt: Date | null;
  /** Last day of the return window, when the item has a delivery date. */
  windowEndsAt: Date | null;
  conditionQuestions: string[];
}

/** What the item check needs besides the item. */
export interface ReturnItemInput {
  order: Order;
  lineItemId: string;
  /** Undefined: every unit still returnable. */
  quantity: number | undefined;
  settings: StoreSettings;
  conditionConfirmed: boolean | undefined;
  now: Date;
}

type R = Reason<ReturnReasonCode>;

/** Units of a line item still returnable (a unit returned and also refunded counts once). */
export function returnableQuantityOf(order: Order, item: LineItem): number {
  const gone = Math.max(returnedQuantity(order, item.id), refundedQuantity(order, item.id));
  return Math.max(0, item.quantity - gone);
}

/** Decides whether one line item, in the quantity asked, may be returned. */
export function decideReturnItem(input: ReturnItemInput): ReturnItemDecision {
  const { order, lineItemId, settings, now } = input;
  const item = order.lineItems.find((line) => line.id === lineItemId);
  if (!item) {
    const reason: R = { code: 'unknown_item', effect: 'deny', message: `line item ${lineItemId} is not on order ${order.name}`, facts: { lineItemId } };
    return {
      ...decisionFrom([reason], now),
      lineItemId,
      title: lineItemId,
      requestedQuantity: input.quantity ?? 0,
      returnableQuantity: 0,
      deliveredAt: null,
      windowEndsAt: null,
      conditionQuestions: [],
    };
  }
  const returnable = returnableQuantityOf(order, item);
  const requested = input.quantity ?? (returnable > 0 ? returnable : item.quantity);
  const delivery = itemDelivery(order, item.id);
  const deliveredAt = delivery.state === 'delivered' ? delivery.deliveredAt : null;
  const windowEndsAt = deliveredAt ? addDays(deliveredAt, settings.returnWindowDays) : null;
  const reasons: R[] = [...quantityReasons(item, requested, returnable), ...categoryReasons(item, settings), ...deliveryReasons(delivery, settings, now)];
  if (reasons.every((reason) => reason.effect === 'allow') && input.conditionConfirmed !== undefined) {
    reasons.push(
      input.conditionConfirmed
        ? { code: 'condition_confirmed', effect: 'allow', message: 'the shopper confirmed the item is in returnable condition' }
        : { code: 'condition_not_confirmed', effect: 'review', message: 'the shopper could not confirm the item is in returnable condition; a human decides' },
    );
  }
  const decision = decisionFrom(reasons, now);
  const conditionQuestions = decision.outcome === 'deny' ? [] : conditionQuestionsFor(item);
  return {
    ...decision,
    lineItemId: item.id,
    title: item.title,
    requestedQuantity: requested,
    returnableQuantity: returnable,
    deliveredAt,
    windowEndsAt,
    conditionQuestions,
  };
}

function quantityReasons(item: LineItem, requested: number, returnable: number): R[] {
  const facts = { requestedQuantity: requested, returnableQuantity: returnable, boughtQuantity: item.quantity };
  if (!Number.isInteger(requested) || requested <= 0)
    return [
      {
        code: 'invalid_quantity',
        effect: 'deny',
        message: `asked to return ${requested} of "${item.title}"; a quantity must be a whole number above 0`,
        facts,
      },
    ];
  if (returnable === 0)
    return [{ code: 'already_returned', effect: 'deny', message: `all ${item.quantity} of "${item.title}" are already in a return or refunded`, facts }];
  if (requested > returnable)
    return [
      {
        code: 'quantity_exceeds_returnable',
        effect: 'deny',
        message: `asked to return ${requested} of "${item.title}"; ${returnable} can still be returned`,
        facts,
      },
    ];
  return [];
}

function categoryReasons(item: LineItem, settings: StoreSettings): R[] {
  const match = matchingCategory(item, settings.excludedReturnCategories);
  if (!match) return [];
  const via = match.matchedBy === 'product_type' ? 'its product type' : 'a tag';
  return [
    {
      code: 'excluded_category',
      effect: 'deny',
      message: `"${item.title}" is in the excluded category "${match.category}" (by ${via}); it cannot be returned`,
      facts: { ...match },
    },
  ];
}

function deliveryReasons(delivery: ReturnType<typeof itemDelivery>, settings: StoreSettings, now: Date): R[] {
  switch (delivery.state) {
    case 'unfulfilled':
    case 'preparing':
      return [
        {
          code: 'not_shipped',
          effect: 'deny',
          message: 'the item has not shipped yet; cancelling the order may be possible instead of a return',
          facts: { delivery: delivery.state },
        },
      ];
    case 'shipped': {
      const eta = delivery.estimatedDeliveryAt ? `; expected ${isoDay(delivery.estimatedDeliveryAt)}` : '';
      return [
        {
          code: 'not_delivered',
          effect: 'deny',
          message: `the item is on its way and not delivered yet${eta}; a return can start once it arrives`,
          facts: { delivery: delivery.state },
        },
      ];
    }
    case 'delivered_date_unknown':
      return [
        {
          code: 'delivery_date_unknown',
          effect: 'review',
          message: 'the carrier reports the item delivered but gives no date, so the return window cannot be counted; a human decides',
        },
      ];
    case 'delivered': {
      const days = wholeDaysBetween(delivery.deliveredAt, now);
      const facts = { daysSinceDelivery: days, returnWindowDays: settings.returnWindowDays, deliveredAt: isoDay(delivery.deliveredAt) };
      return isWithinWindow(delivery.deliveredAt, settings.returnWindowDays, now)
        ? [
            {
              code: 'within_return_window',
              effect: 'allow',
              message: `delivered ${days} days ago; within the ${settings.returnWindowDays}-day return window`,
              facts,
            },
          ]
        : [
            {
              code: 'outside_return_window',
              effect: 'deny',
              message: `delivered ${days} days ago; the return window is ${settings.returnWindowDays} days`,
              facts,
            },
          ];
    }
  }
}
