import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import type { CommercePort } from '../../core/ports/commerce';
import { toOrderView } from './order-view';
import { storeIdOf } from './tool-context';

/** cancel_order: cancels an unfulfilled order. Idempotent by key. Undo: none (a human re-places it). */
export const cancelOrderTool = (commerce: CommercePort) =>
  tool(
    async ({ orderId, reason, idempotencyKey }, config) => toOrderView(await commerce.cancelOrder(storeIdOf(config), orderId, { reason }, { idempotencyKey })),
    {
      name: 'cancel_order',
      description: 'Cancel an order that has not shipped yet.',
      schema: z.object({ orderId: z.string(), reason: z.string().max(200), idempotencyKey: z.string().min(8) }),
    },
  );
