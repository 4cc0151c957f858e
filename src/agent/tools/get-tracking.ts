import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import type { ShippingPort } from '../../core/ports/commerce';
import { storeIdOf } from './tool-context';

/** get_tracking: the carrier's status, ETA and latest scan for a tracking number. */
export const getTrackingTool = (shipping: ShippingPort) =>
  tool(
    async ({ trackingNumber }, config) => {
      const info = await shipping.getTracking(storeIdOf(config), trackingNumber);
      if (!info) return null;
      const latest = info.events.at(-1);
      // A label's creation is not a carrier scan: "never scanned" and "no movement" read the last real one.
      const scans = info.events.filter((e) => e.status !== 'label_created' && e.status !== 'pending');
      const label = info.events.find((e) => e.status === 'label_created');
      return {
        carrier: info.carrier,
        trackingNumber: info.trackingNumber,
        trackingUrl: info.trackingUrl,
        status: info.status,
        estimatedDeliveryAt: info.estimatedDeliveryAt?.toISOString() ?? null,
        deliveredAt: info.deliveredAt?.toISOString() ?? null,
        lastEvent: latest ? { message: latest.message, location: latest.location, occurredAt: latest.occurredAt.toISOString() } : null,
        lastScanAt: scans.at(-1)?.occurredAt.toISOString() ?? null,
        labelCreatedAt: label?.occurredAt.toISOString() ?? null,
      };
    },
    {
      name: 'get_tracking',
      description: 'Get shipment tracking (status, ETA, latest scan) for a tracking number.',
      schema: z.object({ trackingNumber: z.string().min(4).max(64) }),
    },
  );
