import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, type ErrorCode } from '../../../core/errors';

/** What the route needs from the webhook receiver (src/integrations/shopify/webhook-receiver.ts). */
export interface ShopifyWebhooks {
  receive(headers: Record<string, string | string[] | undefined>, rawBody: Buffer): Promise<{ status: number; body: { received: true; topic: string; outcome: string } | { code: string; message: string } }>;
}

/** POST /webhooks/shopify: the raw body reaches the receiver untouched, so its HMAC can be checked. */
export function shopifyWebhookSurface(webhooks: ShopifyWebhooks) {
  return async (app: FastifyInstance) => {
    // In this plugin only: every body stays bytes (the signature is over the exact bytes Shopify sent).
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    app.post(
      '/webhooks/shopify',
      {
        config: { auth: { mode: 'public', action: 'webhooks.shopify' }, errors: ['unauthorized', 'bad_request'] },
        schema: {
          tags: ['integrations'],
          operationId: 'receiveShopifyWebhook',
          summary: 'Shopify webhooks (orders, fulfillments, products, app/uninstalled, customers/data_request, customers/redact, shop/redact); X-Shopify-Hmac-Sha256 checked on the raw body, each X-Shopify-Webhook-Id handled once',
          response: { 200: z.object({ received: z.literal(true), topic: z.string(), outcome: z.string() }) },
        },
      },
      async (request) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const answer = await webhooks.receive(request.headers, body);
        if ('code' in answer.body) throw new AppError(answer.body.code as ErrorCode, answer.body.message);
        return answer.body;
      },
    );
  };
}
