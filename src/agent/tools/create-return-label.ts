import { createHash } from 'node:crypto';
import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import type { CommercePort, ShippingPort } from '../../core/ports/commerce';
import { storeIdOf } from './tool-context';

/**
 * create_return_label: a prepaid label and an RMA for the chosen items. Idempotent by key.
 * Undo: commerce.cancelReturn(returnId) (the unused label lapses with the carrier).
 */
export const createReturnLabelTool = (commerce: CommercePort, shipping: ShippingPort) =>
  tool(
    async ({ orderId, items, reason, idempotencyKey }, config) => {
      const storeId = storeIdOf(config);
      const order = await commerce.getOrder(storeId, orderId);
      if (!order) throw new Error(`order ${orderId} not found`);
      const rma = `RMA-${order.name.replace(/^#/, '')}-${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 6).toUpperCase()}`;
      const label = await shipping.createReturnLabel(storeId, { orderId, rma, from: order.shippingAddress }, { idempotencyKey: `label:${idempotencyKey}` });
      const created = await commerce.createReturn(storeId, orderId, { items, reason, rma, label }, { idempotencyKey: `return:${idempotencyKey}` });
      return { returnId: created.id, rma: created.rma, carrier: label.carrier, trackingNumber: label.trackingNumber, labelUrl: label.labelUrl, status: created.status };
    },
    {
      name: 'create_return_label',
      description: 'Create a return (RMA) with a prepaid return label for some items of an order.',
      schema: z.object({
        orderId: z.string(),
        items: z.array(z.object({ lineItemId: z.string(), quantity: z.number().int().positive() })).min(1),
        reason: z.string().max(200),
        idempotencyKey: z.string().min(8),
      }),
    },
  );
