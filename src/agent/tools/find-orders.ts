import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import type { CommercePort } from '../../core/ports/commerce';
import { storeIdOf } from './tool-context';

/** find_orders: a customer's recent orders (summaries, newest first) by e-mail. */
export const findOrdersTool = (commerce: CommercePort) =>
  tool(
    async ({ email, limit }, config) =>
      (await commerce.findOrders(storeIdOf(config), { email, limit })).map((o) => ({ ...o, createdAt: o.createdAt.toISOString() })),
    {
      name: 'find_orders',
      description: "List a customer's most recent orders by their e-mail address.",
      schema: z.object({ email: z.string().email(), limit: z.number().int().min(1).max(20).default(5) }),
    },
  );
