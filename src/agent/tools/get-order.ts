import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import type { CommercePort } from '../../core/ports/commerce';
import { toOrderView } from './order-view';
import { storeIdOf } from './tool-context';

/** get_order: one order by the number the shopper gives ("#1042", "1042"); null when there is none. */
export const getOrderTool = (commerce: CommercePort) =>
  tool(
    async ({ reference }, config) => {
      const order = await commerce.getOrder(storeIdOf(config), reference);
      return order ? toOrderView(order) : null;
    },
    {
      name: 'get_order',
      description: 'Fetch one order by its number as the shopper wrote it, e.g. "#1042" or "1042".',
      schema: z.object({ reference: z.string().min(1).max(64) }),
    },
  );
