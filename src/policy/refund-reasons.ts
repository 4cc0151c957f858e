import type { refundReasons } from '../core/settings';

/** Why the shopper wants money back (the closed set stores configure returnless refunds with). */
export type RefundReason = (typeof refundReasons)[number];

/** Every reason code a refund decision can give (reply templates are tested against each). */
export const refundReasonCodes = [
  'invalid_amount',
  'unknown_item',
  'quantity_exceeds_refundable',
  'amount_exceeds_items_value',
  'not_paid',
  'nothing_to_refund',
  'exceeds_refundable_amount',
  'order_cancelled',
  'refunds_not_accepted',
  'not_shipped',
  'not_delivered',
  'delivery_not_yet_due',
  'carrier_reports_delivered',
  'delivery_date_unknown',
  'outside_refund_window',
  'within_refund_window',
  'returnless_reason',
  'return_required',
  'return_in_transit_or_received',
  'refund_limit_reached',
  'currency_mismatch',
  'over_auto_approve_limit',
  'within_auto_approve_limit',
  'excluded_category',
  'shopper_limit_reached',
  'evidence_required',
  'evidence_attached',
] as const;
export type RefundReasonCode = (typeof refundReasonCodes)[number];
