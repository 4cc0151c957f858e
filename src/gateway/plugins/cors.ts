import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { StoreService } from '../../core/store-service';
import { principalStoreId } from '../auth-context';

const ALLOW_HEADERS = 'authorization, content-type, idempotency-key, last-event-id, x-conversation-token, x-request-id';
const EXPOSE_HEADERS = 'x-request-id, retry-after, ratelimit-limit, ratelimit-remaining, ratelimit-reset';

/**
 * CORS per store: a preflight is allowed when some store allows the origin (it carries no key);
 * the real response is shared only with origins the calling store allows.
 */
export const corsPlugin = fp(async (app: FastifyInstance, { stores }: { stores: StoreService }) => {
  app.options('*', { logLevel: 'warn', schema: { hide: true } }, async (request, reply) => {
    const origin = request.headers.origin;
    if (origin && (await stores.isKnownOrigin(origin))) {
      reply
        .header('access-control-allow-origin', origin)
        .header('access-control-allow-methods', 'GET, POST, PATCH, DELETE')
        .header('access-control-allow-headers', ALLOW_HEADERS)
        .header('access-control-max-age', '600');
    }
    return reply.header('vary', 'Origin').status(204).send();
  });

  const allowOrigin = async (request: FastifyRequest, reply: FastifyReply) => {
    const origin = request.headers.origin;
    const storeId = principalStoreId(request.principal);
    if (!origin || !storeId || reply.hasHeader('access-control-allow-origin')) return;
    const { allowedOrigins } = await stores.settings(storeId);
    reply.header('vary', 'Origin');
    if (allowedOrigins.includes(origin.toLowerCase())) {
      reply.header('access-control-allow-origin', origin).header('access-control-expose-headers', EXPOSE_HEADERS);
    }
  };
  // Before the handler too: a Server-Sent Events stream takes the response over and never reaches onSend.
  app.addHook('preHandler', allowOrigin);
  app.addHook('onSend', async (request, reply, payload) => {
    await allowOrigin(request, reply);
    return payload;
  });
});
