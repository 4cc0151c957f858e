import type { ShipmentStatus } from '../../core/commerce';

/**
 * EasyPost tracker statuses as Concierge's canonical shipment statuses (core/commerce.ts; the
 * names of issue 16's set in brackets): unknown → pending; pre_transit → label_created [info
 * received]; in_transit; out_for_delivery; available_for_pickup → pickup_ready [available for
 * pickup]; delivered; return_to_sender → returning [returned]; failure and error → exception;
 * cancelled → stale. EasyPost has no failed-attempt status: an in-transit or out-for-delivery
 * scan whose detail or message says the delivery was attempted is failed_attempt [attempt failed].
 */
const BY_STATUS: Record<string, ShipmentStatus> = {
  unknown: 'pending',
  pre_transit: 'label_created',
  in_transit: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  available_for_pickup: 'pickup_ready',
  delivered: 'delivered',
  return_to_sender: 'returning',
  failure: 'exception',
  error: 'exception',
  cancelled: 'stale',
};

const ATTEMPTED = /\b(delivery attempt(ed)?|attempted delivery|no one (was )?(home|available)|notice left)\b/i;

export function canonicalStatus(status: string | null | undefined, detail?: string | null, message?: string | null): ShipmentStatus {
  const mapped = BY_STATUS[String(status ?? 'unknown')] ?? 'pending';
  if ((mapped === 'in_transit' || mapped === 'out_for_delivery') && (detail === 'delivery_attempted' || ATTEMPTED.test(message ?? ''))) return 'failed_attempt';
  if (mapped === 'in_transit' && (detail === 'return' || detail === 'returned_to_sender')) return 'returning';
  return mapped;
}
