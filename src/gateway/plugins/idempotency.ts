import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { IdempotencyScope, IdempotencyStore } from '../../core/ports/idempotency-store';
import { principalId, principalStoreId } from '../auth-context';
import { sendError } from './errors';

// Instance-level calls (creating a store) are keyed under the nil UUID.
const INSTANCE_SCOPE = '00000000-0000-0000-0000-000000000000';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
// How often records older than the retention are deleted, on each instance.
const SWEEP_EVERY_MS = 10 * 60 * 1000;

/** A claimed key: its scope, and how the answer is recorded (once, whichever path ends the request). */
export interface IdempotencyClaimed {
  scope: IdempotencyScope;
  /** A key naming this request for the domain (a turn stores it, so a retry finds a committed turn). */
  requestKey: string;
  /** Records the answer (2xx–4xx) or frees the key (5xx); later calls do nothing. */
  finish(status: number, contentType: string, body: string): Promise<void>;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyClaim: IdempotencyClaimed | null;
  }
}

/** What the stored answer holds: the body and how to serve it again (JSON, or a recorded event stream). */
interface StoredAnswer {
  contentType: string;
  body: string;
}

/**
 * Who is asking, for the key's scope. A widget key is shared by every shopper of a store: behind it,
 * the conversation token the request shows is the caller.
 */
function callerOf(request: FastifyRequest): string {
  const id = principalId(request.principal) ?? 'anonymous';
  const token = request.headers['x-conversation-token'];
  if (request.principal?.type !== 'widget_key' || typeof token !== 'string') return id;
  return `${id}:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`;
}

/**
 * Honours `Idempotency-Key` on routes that opt in: the first answer is stored (sealed) and replayed
 * to the same caller's retries with the same body for 24 hours; the same key with another body is a
 * 409. The answer is recorded on every path: a reply through Fastify here (onSend), an event stream
 * by the stream itself (sse.ts: the transcript when it ends, or the key freed if it never does).
 */
export const idempotencyPlugin = fp(async (app: FastifyInstance, { store }: { store: IdempotencyStore }) => {
  app.decorateRequest('idempotencyClaim', null);

  const sweeper = setInterval(() => void store.sweep().catch(() => undefined), SWEEP_EVERY_MS).unref();
  app.addHook('onClose', async () => clearInterval(sweeper));

  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !request.routeOptions.config.auth?.idempotent) return;
    if (!KEY_PATTERN.test(key)) return sendError(reply, request, 'bad_request', 'Idempotency-Key must be 1–255 visible ASCII characters');
    const scope: IdempotencyScope = {
      storeId: principalStoreId(request.principal) ?? INSTANCE_SCOPE,
      caller: callerOf(request),
      route: `${request.method} ${request.url}`,
      key,
    };
    const hash = createHash('sha256')
      .update(JSON.stringify(request.body ?? null))
      .digest('hex');
    const claim = await store.claim(scope, hash);
    if (claim.state === 'new') {
      let settled = false;
      const finish = async (status: number, contentType: string, body: string) => {
        if (settled) return;
        settled = true;
        // A server error is not an answer worth replaying: free the key so a retry can run.
        if (status >= 500) await store.release(scope);
        else await store.complete(scope, status, JSON.stringify({ contentType, body } satisfies StoredAnswer));
      };
      request.idempotencyClaim = { scope, requestKey: createHash('sha256').update(JSON.stringify(scope)).digest('hex'), finish };
      return;
    }
    if (claim.state === 'mismatch') return sendError(reply, request, 'idempotency_conflict', 'this Idempotency-Key was used with a different request body');
    if (claim.state === 'in_progress') return sendError(reply, request, 'conflict', 'a request with this Idempotency-Key is still in progress; retry shortly');
    const answer = JSON.parse(claim.response) as StoredAnswer;
    reply.header('idempotent-replayed', 'true').type(answer.contentType).status(claim.status);
    return reply.send(answer.body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claimed = request.idempotencyClaim;
    if (!claimed) return payload;
    const contentType = String(reply.getHeader('content-type') ?? 'application/json');
    await claimed.finish(typeof payload === 'string' ? reply.statusCode : 500, contentType, typeof payload === 'string' ? payload : '');
    return payload;
  });
});
