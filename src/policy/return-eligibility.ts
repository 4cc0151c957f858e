import type { Order } from '../core/commerce';
import type { ItemQuantity } from '../core/ports/commerce';
import type { StoreSettings } from '../core/settings';
import { decisionFrom, type Decision, type Outcome, type Reason } from './decision';
import { decideReturnItem, type ReturnItemDecision, type ReturnReasonCode } from './return-item-eligibility';

/** Ways to help when a return is refused: each one is its own decision or a human's. */
export type ReturnAlternative = 'exchange' | 'store_credit' | 'cancel_order';

/** Whether (and which of) an order's items may be returned, with the questions to ask first. */
export interface ReturnDecision extends Decision<ReturnReasonCode> {
  /** One decision per requested line item. */
  items: ReturnItemDecision[];
  /** Exactly what a return may be created for: the allowed items and quantities. */
  returnableItems: ItemQuantity[];
  /** Condition questions for the allowed items, to ask before creating the return. */
  conditionQuestions: string[];
  alternatives: ReturnAlternative[];
}

/** Input of decideReturn. */
export interface ReturnInput {
  order: Order;
  /** The items and quantities asked for; omitted: every item, every unit still returnable. */
  items?: ItemQuantity[];
  settings: StoreSettings;
  /** The shopper's answer to the condition questions, once asked. */
  conditionConfirmed?: boolean;
  now: Date;
}

type R = Reason<ReturnReasonCode>;
const permissiveness: Record<Outcome, number> = { allow: 2, review: 1, deny: 0 };

/**
 * Decides a return. Order-level blocks (cancelled, refunded, returns not offered) deny it all.
 * Otherwise each item is decided alone and the decision takes the most permissive item outcome:
 * a partial return is allowed for `returnableItems`, and one 'some_items_not_returnable' reason
 * lists the rest (their own reasons are in `items`).
 */
export function decideReturn(input: ReturnInput): ReturnDecision {
  const { order, settings, now } = input;
  const blocked = orderLevelReasons(order, settings);
  if (blocked.length > 0) return { ...decisionFrom(blocked, now), items: [], returnableItems: [], conditionQuestions: [], alternatives: [] };

  const items = requestedItems(order, input.items).map(({ lineItemId, quantity }) =>
    decideReturnItem({ order, lineItemId, quantity, settings, conditionConfirmed: input.conditionConfirmed, now }),
  );
  if (items.length === 0) {
    const none: R = { code: 'invalid_quantity', effect: 'deny', message: `no items were asked for on order ${order.name}` };
    return { ...decisionFrom([none], now), items, returnableItems: [], conditionQuestions: [], alternatives: [] };
  }
  const best = items.map((item) => item.outcome).reduce((a, b) => (permissiveness[b] > permissiveness[a] ? b : a));
  const leading = items.filter((item) => item.outcome === best);
  const rest = items.filter((item) => item.outcome !== best);
  const reasons: R[] = leading.flatMap((item) => item.reasons.map((reason) => labelled(item, reason)));
  if (rest.length > 0) {
    const list = rest
      .map(
        (item) =>
          `"${item.title}" (${item.reasons
            .filter((r) => r.effect !== 'allow')
            .map((r) => r.code)
            .join(', ')})`,
      )
      .join('; ');
    reasons.push({
      code: 'some_items_not_returnable',
      effect: best,
      message: `${leading.length} of ${items.length} items can go ahead; not: ${list}`,
      facts: { lineItemIds: rest.map((item) => item.lineItemId) },
    });
  }
  const allowed = items.filter((item) => item.outcome === 'allow');
  return {
    ...decisionFrom(reasons, now),
    items,
    returnableItems: allowed.map((item) => ({ lineItemId: item.lineItemId, quantity: item.requestedQuantity })),
    conditionQuestions: [...new Set(allowed.flatMap((item) => item.conditionQuestions))],
    alternatives: alternativesFor(items),
  };
}

function orderLevelReasons(order: Order, settings: StoreSettings): R[] {
  if (order.cancelledAt) return [{ code: 'order_cancelled', effect: 'deny', message: `order ${order.name} was cancelled; there is nothing to return` }];
  if (order.financialStatus === 'refunded' || order.financialStatus === 'voided')
    return [
      {
        code: 'order_refunded',
        effect: 'deny',
        message: `order ${order.name} is already ${order.financialStatus}; there is nothing to return`,
        facts: { financialStatus: order.financialStatus },
      },
    ];
  if (settings.returnWindowDays === 0)
    return [
      { code: 'returns_not_accepted', effect: 'deny', message: 'the store does not accept returns (return window is 0 days)', facts: { returnWindowDays: 0 } },
    ];
  return [];
}

/** The asked-for items with duplicates merged; every line item when none were named. */
function requestedItems(order: Order, asked: ItemQuantity[] | undefined): { lineItemId: string; quantity: number | undefined }[] {
  if (!asked) return order.lineItems.map((item) => ({ lineItemId: item.id, quantity: undefined }));
  const merged = new Map<string, number>();
  for (const { lineItemId, quantity } of asked) merged.set(lineItemId, (merged.get(lineItemId) ?? 0) + quantity);
  return [...merged].map(([lineItemId, quantity]) => ({ lineItemId, quantity }));
}

function labelled(item: ReturnItemDecision, reason: R): R {
  return { ...reason, message: `"${item.title}": ${reason.message}`, facts: { lineItemId: item.lineItemId, ...reason.facts } };
}

/**
 * Alternatives for refused items: an item past its window may be exchanged or turned into store
 * credit if a human agrees; an item not yet shipped may be cancelled instead. Excluded categories
 * (final sale) get none.
 */
function alternativesFor(items: ReturnItemDecision[]): ReturnAlternative[] {
  const refused = items.filter((item) => item.outcome !== 'allow').map((item) => new Set(item.reasons.map((r) => r.code)));
  const out = new Set<ReturnAlternative>();
  for (const codes of refused) {
    if (codes.has('excluded_category')) continue;
    if (codes.has('outside_return_window')) out.add('exchange').add('store_credit');
    if (codes.has('not_shipped')) out.add('cancel_order');
  }
  return [...out];
}
