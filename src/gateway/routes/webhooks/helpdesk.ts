import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { storeIdParams } from '../stores/schema';

/** What the route needs from a helpdesk's webhook (src/channels/helpdesk/helpdesk-webhook.ts). */
export interface HelpdeskWebhookReceiver {
  provider: string;
  receive(storeId: string, rawBody: Buffer, headers: Record<string, string | string[] | undefined>): Promise<{ received: true; ticketId: string; duplicate: boolean }>;
}

const receipt = z.object({ received: z.literal(true), ticketId: z.string(), duplicate: z.boolean().describe('this delivery was accepted before (nothing new queued)') });

const summaries: Record<string, string> = {
  zendesk: 'Receive a Zendesk webhook for a store: X-Zendesk-Webhook-Signature (base64 HMAC-SHA256 of X-Zendesk-Webhook-Signature-Timestamp + raw body under the signing secret) checked before parsing; the ticket is then read and its new comments taken in once',
  gorgias: 'Receive a Gorgias HTTP-integration webhook for a store: the shared secret in X-Concierge-Webhook-Secret checked in constant time before parsing; the ticket is then read and its new messages taken in once',
};

/**
 * POST /webhooks/{zendesk|gorgias}/{storeId}: the raw body reaches the receiver untouched (the
 * signature is over the bytes). Encapsulated: its raw-body parser touches no other route.
 */
export function helpdeskWebhookSurface(receivers: HelpdeskWebhookReceiver[]) {
  return async (app: FastifyInstance) => {
    app.register(async (scoped) => {
      scoped.removeAllContentTypeParsers();
      scoped.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_request, body, done) => done(null, body));
      for (const receiver of receivers) {
        scoped.withTypeProvider<ZodTypeProvider>().post(
          `/webhooks/${receiver.provider}/:storeId`,
          {
            config: { auth: { mode: 'public', action: `webhook.${receiver.provider}` }, errors: ['unauthorized', 'bad_request'] },
            schema: {
              tags: ['webhooks'],
              operationId: `${receiver.provider}Webhook`,
              summary: summaries[receiver.provider] ?? `Receive a ${receiver.provider} webhook for a store`,
              params: storeIdParams,
              response: { 200: receipt },
            },
          },
          async (request) => receiver.receive(request.params.storeId, Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0), request.headers),
        );
      }
    });
  };
}
