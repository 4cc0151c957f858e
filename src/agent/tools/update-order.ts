import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import type { OrderActions } from '../order-actions/index';
import { requestContextOf } from './tool-context';

const address = z.object({
  name: z.string().nullish(),
  address1: z.string().min(1),
  address2: z.string().nullish(),
  city: z.string().min(1),
  province: z.string().nullish(),
  zip: z.string().min(1),
  country: z.string().min(2),
  phone: z.string().nullish(),
});

/**
 * update_order: changes the shipping address of an unfulfilled order (decided inside its lock),
 * then reads it back to confirm the change took. Undo: call again with `previous`.
 */
export const updateOrderTool = (actions: OrderActions) =>
  tool(async ({ orderId, shippingAddress }, config) => actions.changeAddress(requestContextOf(config), { orderId, address: shippingAddress }), {
    name: 'update_order',
    description: 'Change the shipping address of an order that has not shipped yet.',
    schema: z.object({ orderId: z.string(), shippingAddress: address }),
  });
