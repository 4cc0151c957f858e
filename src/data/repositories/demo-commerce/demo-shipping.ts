import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ShipmentStatus } from '../../../core/commerce';
import type { ShippingPort } from '../../../core/ports/commerce';
import { toDate, toMaybeDate } from '../json-row';
import type { Db } from '../../database';

interface TrackingRow {
  tracking_company: string | null;
  tracking_url: string | null;
  shipment_status: string | null;
  estimated_delivery_at: Date | string | null;
  delivered_at: Date | string | null;
  events: { status: string; message: string; location: string | null; occurredAt: string }[];
}

/**
 * Tracking and return labels in the demo backend: tracking from the stored shipments and their
 * scans; labels are deterministic by idempotency key (same key, same label) and point at a
 * demo label host, documented as such in the README.
 */
export function demoShipping(db: Db, labelBaseUrl = 'https://labels.demo.concierge.invalid'): ShippingPort {
  return {
    async getTracking(storeId, trackingNumber) {
      // One statement: the shipment and its scans, oldest first.
      const result = (await db.execute(sql`
        SELECT f.tracking_company, f.tracking_url, f.shipment_status, f.estimated_delivery_at, f.delivered_at,
          (SELECT coalesce(json_agg(json_build_object('status', e.status, 'message', e.message, 'location', e.location, 'occurredAt', e.occurred_at) ORDER BY e.occurred_at), '[]')
            FROM tracking_events e WHERE e.store_id = f.store_id AND e.fulfillment_id = f.id) AS events
        FROM fulfillments f WHERE f.store_id = ${storeId}::uuid AND f.tracking_number = ${trackingNumber} LIMIT 1`)) as unknown as { rows: TrackingRow[] };
      const f = result.rows[0];
      if (!f) return undefined;
      return {
        carrier: f.tracking_company,
        trackingNumber,
        trackingUrl: f.tracking_url,
        status: (f.shipment_status ?? 'pending') as ShipmentStatus,
        estimatedDeliveryAt: toMaybeDate(f.estimated_delivery_at),
        deliveredAt: toMaybeDate(f.delivered_at),
        events: f.events.map((e) => ({ status: e.status as ShipmentStatus, message: e.message, location: e.location, occurredAt: toDate(e.occurredAt) })),
      };
    },
    async createReturnLabel(_storeId, input, options) {
      const digest = createHash('sha256').update(options.idempotencyKey).digest();
      const digits = Array.from(digest.subarray(0, 8), (b) => String(b % 10)).join('');
      const trackingNumber = `1Z9RT${digest.toString('hex').slice(0, 5).toUpperCase()}03${digits}`;
      return { carrier: 'UPS', trackingNumber, labelUrl: `${labelBaseUrl}/${encodeURIComponent(input.rma)}.pdf` };
    },
  };
}
