import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { RateLimitDecision, RateLimiter } from '../../core/ports/rate-limiter';
import type { Principal } from '../auth-context';
import { sendError } from './errors';

export interface RateLimitDeps {
  limiter: RateLimiter;
  perMinute: number;
  /** Public (widget) keys: also per client address, so one visitor cannot spend the store's budget. */
  perAddressPerMinute: number;
}

const WINDOW_MS = 60_000;

/**
 * The class of caller a budget belongs to: a store's public widget key is called by anonymous
 * visitors, so it never shares a bucket with its back office (secret keys, operators, services).
 */
const callerClass = (principal: Principal): string => principal.type;

/** Rate-limit headers from the decision that binds (the one with the least left). */
function answer(request: FastifyRequest, reply: FastifyReply, decision: RateLimitDecision, what: string): boolean {
  const resetSeconds = Math.max(1, Math.ceil(decision.resetMs / 1000));
  reply.header('RateLimit-Limit', decision.limit);
  reply.header('RateLimit-Remaining', decision.remaining);
  reply.header('RateLimit-Reset', resetSeconds);
  if (decision.allowed) return true;
  reply.header('Retry-After', resetSeconds);
  sendError(reply, request, 'rate_limited', `rate limit of ${decision.limit} requests per minute reached ${what}; retry in ${resetSeconds}s`);
  return false;
}

/**
 * Per store, caller class and endpoint (per client address before a store is known), and for public
 * keys per client address too. Runs after auth, so a store's limit is counted against the store
 * whichever instance answers.
 */
export const rateLimitPlugin = fp(async (app: FastifyInstance, { limiter, perMinute, perAddressPerMinute }: RateLimitDeps) => {
  app.addHook('onRequest', async (request, reply) => {
    const auth = request.routeOptions.config.auth;
    if (!auth || reply.sent) return;
    const principal = request.principal;
    const endpoint = `${request.method}:${request.routeOptions.url}`;
    const who = principal && principal.type !== 'admin' ? `${principal.storeId}:${callerClass(principal)}` : `ip:${request.ip}`;
    const hits = [limiter.hit(`${who}:${endpoint}`, perMinute, WINDOW_MS)];
    if (principal?.type === 'widget_key')
      hits.push(limiter.hit(`${principal.storeId}:widget-address:${request.ip}:${endpoint}`, perAddressPerMinute, WINDOW_MS));
    const [shared, perAddress] = await Promise.all(hits);
    request.revocationEpoch = shared!.revocationEpoch ?? null;
    const binding = perAddress && (!perAddress.allowed || perAddress.remaining < shared!.remaining) ? perAddress : shared!;
    if (!answer(request, reply, binding, binding === perAddress ? 'for this endpoint from this address' : 'for this endpoint')) return reply;
  });
});
