import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import type { CommercePort } from '../../core/ports/commerce';
import { toOrderView } from './order-view';
import { storeIdOf } from './tool-context';

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
 * update_order: changes the shipping address of an unfulfilled order, then reads it back to
 * confirm the change took. Undo: call again with `previous`.
 */
export const updateOrderTool = (commerce: CommercePort) =>
  tool(
    async ({ orderId, shippingAddress, idempotencyKey }, config) => {
      const { order, previous } = await commerce.updateShippingAddress(storeIdOf(config), orderId, shippingAddress, { idempotencyKey });
      const readBack = await commerce.getOrder(storeIdOf(config), order.id);
      const confirmed = readBack?.shippingAddress?.address1 === shippingAddress.address1 && readBack?.shippingAddress?.zip === shippingAddress.zip;
      return { order: toOrderView(readBack ?? order), previous, confirmed };
    },
    {
      name: 'update_order',
      description: 'Change the shipping address of an order that has not shipped yet.',
      schema: z.object({ orderId: z.string(), shippingAddress: address, idempotencyKey: z.string().min(8) }),
    },
  );
