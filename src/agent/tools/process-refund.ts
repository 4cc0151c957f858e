import { randomUUID } from 'node:crypto';
import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { refundReasons } from '../../core/settings';
import type { OrderActions } from '../order-actions/index';
import { requestContextOf } from './tool-context';

/**
 * process_refund: asks for money back on an order. The order is locked, read again and decided
 * by the policy engine inside the lock: paid at once (keyed by the order and the request, so it
 * pays once whatever path asks), left for a human, refused, or answered as the same request
 * already standing. Undo: none — money sent is not pulled back.
 */
export const processRefundTool = (actions: OrderActions) =>
  tool(
    async ({ orderId, items, amountCents, reason }, config) =>
      actions.refund(requestContextOf(config), { orderId, reason, actionId: randomUUID(), ...(items?.length ? { items } : {}), ...(amountCents !== undefined ? { amountCents } : {}) }),
    {
      name: 'process_refund',
      description: 'Ask for a refund on an order: of some items, of an amount (minor units), or of everything left. The store policy decides.',
      schema: z.object({
        orderId: z.string(),
        items: z.array(z.object({ lineItemId: z.string(), quantity: z.number().int().positive() })).optional(),
        amountCents: z.number().int().positive().optional(),
        reason: z.enum(refundReasons),
      }),
    },
  );
