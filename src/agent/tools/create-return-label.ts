import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import type { OrderActions } from '../order-actions/index';
import { requestContextOf } from './tool-context';

/**
 * create_return_label: a prepaid label and an RMA for the chosen items (or an exchange), decided
 * on the order as it is inside its lock; the same items asked twice are one return.
 * Undo: commerce.cancelReturn(returnId) (the unused label lapses with the carrier).
 */
export const createReturnLabelTool = (actions: OrderActions) =>
  tool(async ({ orderId, items, reason, exchange, conditionConfirmed }, config) => actions.createReturn(requestContextOf(config), { orderId, items, reason, exchange: exchange ?? null, conditionConfirmed: conditionConfirmed === true }), {
    name: 'create_return_label',
    description: 'Create a return (RMA) with a prepaid return label for some items of an order, or an exchange.',
    schema: z.object({
      orderId: z.string(),
      items: z.array(z.object({ lineItemId: z.string(), quantity: z.number().int().positive() })).min(1),
      reason: z.string().max(200),
      exchange: z.string().max(200).nullish(),
      conditionConfirmed: z.boolean().optional(),
    }),
  });
