import type { ShipmentStatus } from '../../core/commerce';

type Event = { status: ShipmentStatus; message: string; location: string | null; occurredAt: Date };

const HOUR = 3_600_000;
const HUBS = ['Louisville, KY', 'Memphis, TN', 'Chicago, IL', 'Columbus, OH', 'Dallas, TX'];

/**
 * The scan history a carrier would report for a shipment in a given state: label, pickup, hub
 * scans, and the last event that explains the state. Deterministic from the shipment's dates.
 */
export function trackingTimeline(status: ShipmentStatus, shippedAt: Date, deliveredAt: Date | null, destination: string | null, now: Date): Event[] {
  const at = (hours: number) => new Date(Math.min(shippedAt.getTime() + hours * HOUR, now.getTime()));
  const hub = HUBS[shippedAt.getUTCDate() % HUBS.length]!;
  const events: Event[] = [{ status: 'label_created', message: 'Shipping label created', location: null, occurredAt: new Date(shippedAt.getTime() - 6 * HOUR) }];
  if (status === 'label_created' || status === 'pending') return events;
  events.push({ status: 'in_transit', message: 'Picked up by carrier', location: 'Portland, OR', occurredAt: at(2) });
  events.push({ status: 'in_transit', message: 'Arrived at sort facility', location: hub, occurredAt: at(20) });
  const last: Record<ShipmentStatus, [string, string | null] | null> = {
    pending: null,
    label_created: null,
    in_transit: ['Departed sort facility', hub],
    stale: ['In transit: no new scans', hub],
    out_for_delivery: ['Out for delivery', destination],
    pickup_ready: ['Ready for pickup at carrier location', destination],
    failed_attempt: ['Delivery attempted: no one available to sign', destination],
    delivered: ['Delivered, left at front door', destination],
    returning: ['Returning to sender: address could not be verified', hub],
    exception: ['Exception: package damaged in transit, awaiting inspection', hub],
  };
  const final = last[status];
  // A parcel still moving was scanned lately (a carrier scans at each hop); one held, returning or stale was not.
  const moving = status === 'in_transit' || status === 'out_for_delivery' || status === 'pickup_ready' || status === 'failed_attempt';
  const lastScan = moving ? new Date(Math.min(now.getTime(), Math.max(at(40).getTime(), now.getTime() - 12 * HOUR))) : at(40);
  if (final) events.push({ status, message: final[0], location: final[1], occurredAt: status === 'delivered' && deliveredAt ? deliveredAt : lastScan });
  return events;
}
