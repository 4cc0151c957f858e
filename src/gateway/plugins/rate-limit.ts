import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { RateLimiter } from '../../core/ports/rate-limiter';
import { principalStoreId } from '../auth-context';
import { sendError } from './errors';

export interface RateLimitDeps {
  limiter: RateLimiter;
  perMinute: number;
}

const WINDOW_MS = 60_000;

/**
 * Per store and endpoint (per client address before a store is known). Runs after auth, so a
 * store's limit is counted against the store whichever instance answers.
 */
export const rateLimitPlugin = fp(async (app: FastifyInstance, { limiter, perMinute }: RateLimitDeps) => {
  app.addHook('onRequest', async (request, reply) => {
    const auth = request.routeOptions.config.auth;
    if (!auth || reply.sent) return;
    const who = principalStoreId(request.principal) ?? `ip:${request.ip}`;
    const endpoint = `${request.method}:${request.routeOptions.url}`;
    const decision = await limiter.hit(`${who}:${endpoint}`, perMinute, WINDOW_MS);
    request.revocationEpoch = decision.revocationEpoch ?? null;
    const resetSeconds = Math.max(1, Math.ceil(decision.resetMs / 1000));
    reply.header('RateLimit-Limit', decision.limit);
    reply.header('RateLimit-Remaining', decision.remaining);
    reply.header('RateLimit-Reset', resetSeconds);
    if (!decision.allowed) {
      reply.header('Retry-After', resetSeconds);
      sendError(reply, request, 'rate_limited', `rate limit of ${decision.limit} requests per minute reached for this endpoint; retry in ${resetSeconds}s`);
      return reply;
    }
  });
});
