import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import type { OrderActions } from '../order-actions/index';
import { requestContextOf } from './tool-context';

/** cancel_order: cancels an order not yet shipped, decided on the order as it is inside its lock; once per order. Undo: none (a human re-places it). */
export const cancelOrderTool = (actions: OrderActions) =>
  tool(async ({ orderId, reason }, config) => actions.cancel(requestContextOf(config), { orderId, reason }), {
    name: 'cancel_order',
    description: 'Cancel an order that has not shipped yet.',
    schema: z.object({ orderId: z.string(), reason: z.string().max(200) }),
  });
