import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { IdempotencyStore } from '../../core/ports/idempotency-store';
import { principalStoreId } from '../auth-context';
import { sendError } from './errors';

// Instance-level calls (creating a store) are keyed under the nil UUID.
const INSTANCE_SCOPE = '00000000-0000-0000-0000-000000000000';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

interface Claimed {
  storeId: string;
  route: string;
  key: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyClaim: Claimed | null;
  }
}

/**
 * Honours `Idempotency-Key` on routes that opt in: the first answer is stored and replayed to
 * retries with the same body; the same key with another body is a 409.
 */
export const idempotencyPlugin = fp(async (app: FastifyInstance, { store }: { store: IdempotencyStore }) => {
  app.decorateRequest('idempotencyClaim', null);

  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !request.routeOptions.config.auth?.idempotent) return;
    if (!KEY_PATTERN.test(key)) return sendError(reply, request, 'bad_request', 'Idempotency-Key must be 1–255 visible ASCII characters');
    const claimed: Claimed = { storeId: principalStoreId(request.principal) ?? INSTANCE_SCOPE, route: `${request.method} ${request.url}`, key };
    const hash = createHash('sha256').update(JSON.stringify(request.body ?? null)).digest('hex');
    const claim = await store.claim(claimed.storeId, claimed.route, key, hash);
    if (claim.state === 'new') {
      request.idempotencyClaim = claimed;
      return;
    }
    if (claim.state === 'mismatch') return sendError(reply, request, 'idempotency_conflict', 'this Idempotency-Key was used with a different request body');
    if (claim.state === 'in_progress') return sendError(reply, request, 'conflict', 'a request with this Idempotency-Key is still in progress; retry shortly');
    reply.header('idempotent-replayed', 'true').type('application/json').status(claim.status);
    return reply.send(claim.response);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claimed = request.idempotencyClaim;
    if (!claimed) return payload;
    request.idempotencyClaim = null;
    // A server error is not an answer worth replaying: free the key so a retry can run.
    if (reply.statusCode >= 500 || typeof payload !== 'string') await store.release(claimed.storeId, claimed.route, claimed.key);
    else await store.complete(claimed.storeId, claimed.route, claimed.key, reply.statusCode, payload);
    return payload;
  });
});
