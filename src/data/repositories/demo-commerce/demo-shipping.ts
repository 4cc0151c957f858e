import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { ShipmentStatus } from '../../../core/commerce';
import type { ShippingPort } from '../../../core/ports/commerce';
import type { Db } from '../../database';
import { fulfillments, trackingEvents } from '../../schema/index';

/**
 * Tracking and return labels in the demo backend: tracking from the stored shipments and their
 * scans; labels are deterministic by idempotency key (same key, same label) and point at a
 * demo label host, documented as such in the README.
 */
export function demoShipping(db: Db, labelBaseUrl = 'https://labels.demo.concierge.invalid'): ShippingPort {
  return {
    async getTracking(storeId, trackingNumber) {
      const [f] = await db.select().from(fulfillments).where(and(eq(fulfillments.storeId, storeId), eq(fulfillments.trackingNumber, trackingNumber))).limit(1);
      if (!f) return undefined;
      const events = await db.select().from(trackingEvents).where(and(eq(trackingEvents.storeId, storeId), eq(trackingEvents.fulfillmentId, f.id))).orderBy(asc(trackingEvents.occurredAt));
      return {
        carrier: f.trackingCompany,
        trackingNumber,
        trackingUrl: f.trackingUrl,
        status: (f.shipmentStatus ?? 'pending') as ShipmentStatus,
        estimatedDeliveryAt: f.estimatedDeliveryAt,
        deliveredAt: f.deliveredAt,
        events: events.map((e) => ({ status: e.status as ShipmentStatus, message: e.message, location: e.location, occurredAt: e.occurredAt })),
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
