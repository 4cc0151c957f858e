import type { Order } from '../core/commerce';
import type { StoreSettings } from '../core/settings';
import { isoDay, isWithinWindow, wholeDaysBetween } from './days';
import type { Reason } from './decision';
import { itemDelivery, type ItemDelivery } from './order-facts';
import type { RefundReason, RefundReasonCode } from './refund-reasons';

type R = Reason<RefundReasonCode>;

/** Reasons that may be claimed before delivery; with nothing delivered, their window runs from the order date. */
const notArrivedReasons: readonly RefundReason[] = ['not_received', 'late'];

/**
 * Timing of a refund: delivery state of the items and the refund window. The window runs from the
 * latest delivery of the items; for 'not_received' or 'late' with nothing delivered, from the order
 * date. A 'not_received' claim waits for the expected delivery date, and goes to a human when the
 * carrier says the parcel was delivered. Unknown line ids are ignored; with none known, every item counts.
 */
export function refundTimingReasons(order: Order, lineItemIds: string[], reason: RefundReason, settings: StoreSettings, now: Date): R[] {
  if (settings.refundWindowDays === 0)
    return [
      {
        code: 'refunds_not_accepted',
        effect: 'deny',
        message: 'the store does not refund through the assistant (refund window is 0 days)',
        facts: { refundWindowDays: 0 },
      },
    ];
  const known = lineItemIds.filter((id) => order.lineItems.some((item) => item.id === id));
  const ids = known.length > 0 ? known : order.lineItems.map((item) => item.id);
  const deliveries = ids.map((id) => itemDelivery(order, id));
  const delivered = deliveries.flatMap((d) => (d.state === 'delivered' ? [d.deliveredAt] : []));
  const latestDelivery = delivered.length > 0 ? new Date(Math.max(...delivered.map((d) => d.getTime()))) : null;
  const states = new Set(deliveries.map((d) => d.state));

  if (states.has('unfulfilled') || states.has('preparing'))
    return [
      {
        code: 'not_shipped',
        effect: 'deny',
        message: 'the items have not shipped yet; cancelling the order may be possible instead of a refund',
        facts: { reason },
      },
    ];
  if (reason === 'not_received') {
    if (states.has('delivered') || states.has('delivered_date_unknown'))
      return [
        {
          code: 'carrier_reports_delivered',
          effect: 'review',
          message: 'the shopper reports the order not received but the carrier reports it delivered; a human checks',
        },
      ];
    const waiting = notReceivedWaitReasons(deliveries, now);
    if (waiting.length > 0) return waiting;
  } else if (!notArrivedReasons.includes(reason)) {
    if (states.has('shipped'))
      return [
        { code: 'not_delivered', effect: 'deny', message: `the items are not delivered yet, so a '${reason}' refund cannot be decided`, facts: { reason } },
      ];
    if (states.has('delivered_date_unknown'))
      return [
        {
          code: 'delivery_date_unknown',
          effect: 'review',
          message: 'the carrier reports delivery without a date, so the refund window cannot be counted; a human decides',
        },
      ];
  }

  const start = latestDelivery ?? order.createdAt;
  const from = latestDelivery ? 'delivered' : 'ordered (never delivered)';
  const days = wholeDaysBetween(start, now);
  const facts = { daysSince: days, countedFrom: latestDelivery ? 'delivery' : 'order', startedAt: isoDay(start), refundWindowDays: settings.refundWindowDays };
  return isWithinWindow(start, settings.refundWindowDays, now)
    ? [{ code: 'within_refund_window', effect: 'allow', message: `${from} ${days} days ago; within the ${settings.refundWindowDays}-day refund window`, facts }]
    : [{ code: 'outside_refund_window', effect: 'deny', message: `${from} ${days} days ago; the refund window is ${settings.refundWindowDays} days`, facts }];
}

function notReceivedWaitReasons(deliveries: ItemDelivery[], now: Date): R[] {
  const inTransit = deliveries.flatMap((d) => (d.state === 'shipped' ? [d] : []));
  const future = inTransit.flatMap((d) => (d.estimatedDeliveryAt && d.estimatedDeliveryAt > now ? [d.estimatedDeliveryAt] : []));
  if (future.length > 0) {
    const due = new Date(Math.max(...future.map((d) => d.getTime())));
    return [
      {
        code: 'delivery_not_yet_due',
        effect: 'deny',
        message: `the parcel is in transit and expected by ${isoDay(due)}; a non-delivery refund waits until then`,
        facts: { expectedBy: isoDay(due) },
      },
    ];
  }
  if (inTransit.some((d) => d.estimatedDeliveryAt === null))
    return [
      { code: 'delivery_not_yet_due', effect: 'review', message: 'the parcel is in transit with no expected delivery date; a human checks the tracking' },
    ];
  return [];
}
