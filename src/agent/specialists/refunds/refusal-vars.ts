import type { RefundDecision } from '../../../policy/index';
import type { OrderView } from '../../state-types';
import { decidingReason } from '../shared/refusal';
import { listText } from '../shared/reply';

/** What a refund refusal may tell the shopper: the deciding reason's code and facts of their own order, never the policy's figures. */
export function refundRefusalVars(view: OrderView, decision: RefundDecision, refundWindowDays: number): Record<string, unknown> {
  const reason = decidingReason(decision.reasons);
  const excluded = decision.reasons.find((r) => r.code === 'excluded_category')?.facts?.lineItemIds as string[] | undefined;
  return {
    order_name: view.name,
    reason,
    currency: view.currency,
    remaining: decision.remainingRefundableCents,
    window_days: refundWindowDays,
    items: listText((excluded ?? []).map((id) => view.items.find((i) => i.id === id)?.title ?? 'item')),
    // A parcel not yet due: when it is expected, and with whom (facts of the shopper's own order).
    expected_by: decision.reasons.find((r) => r.code === 'delivery_not_yet_due')?.facts?.expectedBy ?? null,
    carrier: view.fulfillments.find((f) => f.shipmentStatus !== 'delivered')?.carrier ?? null,
  };
}
