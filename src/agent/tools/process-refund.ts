import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import type { PaymentsPort } from '../../core/ports/commerce';
import { storeIdOf } from './tool-context';

/**
 * process_refund: sends money back through the payment provider. Only ever called after the
 * policy engine allowed the amount (or a human approved it); the idempotency key makes a retry
 * a no-op. Undo: none — money sent is not pulled back.
 */
export const processRefundTool = (payments: PaymentsPort) =>
  tool(
    async ({ orderId, amountCents, currency, reason, items, idempotencyKey }, config) => {
      const refund = await payments.refund(storeIdOf(config), { orderId, amountCents, currency, reason, items }, { idempotencyKey });
      return { refundId: refund.id, amountCents: refund.amountCents, currency: refund.currency, status: refund.status };
    },
    {
      name: 'process_refund',
      description: 'Refund an amount (minor units) on an order through the payment provider.',
      schema: z.object({
        orderId: z.string(),
        amountCents: z.number().int().positive(),
        currency: z.string().length(3),
        reason: z.string().max(100),
        items: z.array(z.object({ lineItemId: z.string(), quantity: z.number().int().positive() })),
        idempotencyKey: z.string().min(8),
      }),
    },
  );
