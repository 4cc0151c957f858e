import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AuditLog } from '../../core/ports/store-repository';
import type { AuditEntry } from '../../core/stores';
import { principalId, principalStoreId } from '../auth-context';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function outcomeOf(status: number): AuditEntry['outcome'] {
  if (status < 400) return 'success';
  if (status === 401 || status === 403 || status === 404 || status === 429) return 'denied';
  if (status < 500) return 'invalid';
  return 'failed';
}

/** Writes an audit row for every mutating call once it is answered: actor, store, action, target, outcome. */
export const auditPlugin = fp(async (app: FastifyInstance, { audit }: { audit: AuditLog }) => {
  app.decorateRequest('auditStoreId', null);
  app.addHook('onResponse', async (request, reply) => {
    if (!MUTATING.has(request.method)) return;
    const auth = request.routeOptions.config.auth;
    const params = (request.params ?? {}) as Record<string, string>;
    const principal = request.principal;
    const target = Object.entries(params)
      .map(([name, value]) => `${name}=${value}`)
      .join(',');
    const entry: AuditEntry = {
      // A store-scoped caller is recorded against its own store, even when it named another one.
      storeId: principalStoreId(principal) ?? request.auditStoreId,
      actorType: principal?.type ?? 'anonymous',
      actorId: principalId(principal),
      action: auth?.action ?? `${request.method} ${request.routeOptions.url ?? 'unknown'}`,
      target: target || null,
      outcome: outcomeOf(reply.statusCode),
      status: reply.statusCode,
      requestId: request.id,
      ip: request.ip,
    };
    await audit.record(entry).catch((error: unknown) => request.log.error({ err: error }, 'audit write failed'));
  });
});
