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
      return {
        carrier: info.carrier,
        trackingNumber: info.trackingNumber,
        trackingUrl: info.trackingUrl,
        status: info.status,
        estimatedDeliveryAt: info.estimatedDeliveryAt?.toISOString() ?? null,
        deliveredAt: info.deliveredAt?.toISOString() ?? null,
        lastEvent: latest ? { message: latest.message, location: latest.location, occurredAt: latest.occurredAt.toISOString() } : null,
      };
    },
    {
      name: 'get_tracking',
      description: 'Get shipment tracking (status, ETA, latest scan) for a tracking number.',
      schema: z.object({ trackingNumber: z.string().min(4).max(64) }),
    },
  );
