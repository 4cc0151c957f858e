import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProviderWebhook } from '../../../core/ports/provider-webhook';
import { storeIdParams } from '../stores/schema';

const receipt = z.object({ received: z.literal(true), eventId: z.string(), type: z.string(), duplicate: z.boolean(), applied: z.number().int() });

/**
 * POST /webhooks/{provider}/{storeId}: a provider's signed delivery for one store. The body is kept
 * as raw bytes (a signature is over the bytes, not over re-serialised JSON); the receiver
 * verifies, dedupes and applies. Encapsulated: its raw-body parser touches no other route.
 */
export function providerWebhookSurface(provider: string, webhook: ProviderWebhook) {
  return async (app: FastifyInstance) => {
    app.register(async (scoped) => {
      scoped.removeAllContentTypeParsers();
      scoped.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_request, body, done) => done(null, body));
      scoped.withTypeProvider<ZodTypeProvider>().post(
        `/webhooks/${provider}/:storeId`,
        {
          config: { auth: { mode: 'public', action: `webhook.${provider}` }, errors: ['bad_request', 'not_found'] },
          schema: {
            tags: ['webhooks'],
            operationId: `${provider}Webhook`,
            summary: `Receive a ${provider} webhook for a store (signature checked on the raw body; deliveries deduplicated by event id)`,
            params: storeIdParams,
            response: { 200: receipt },
          },
        },
        async (request) => {
          const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
          const result = await webhook.receive(request.params.storeId, raw, request.headers);
          return { received: true as const, ...result };
        },
      );
    });
  };
}
