import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

export type ReadinessCheck = () => Promise<void>;

const noQuery = z.strictObject({});
const healthResponse = z.object({ status: z.enum(['ok', 'unavailable']), checks: z.record(z.string(), z.string()).optional() });

/** Liveness (the process answers) and readiness (database, cache and queue answer). */
export async function healthRoutes(app: FastifyInstance, { checks }: { checks: Record<string, ReadinessCheck> }) {
  app.get('/healthz', { schema: { tags: ['operations'], operationId: 'getHealth', summary: 'Liveness: the process answers', querystring: noQuery, response: { 200: healthResponse } }, logLevel: 'warn' }, async () => ({ status: 'ok' as const }));

  app.get('/readyz', { schema: { tags: ['operations'], operationId: 'getReadiness', summary: 'Readiness: database, cache and queue answer', querystring: noQuery, response: { 200: healthResponse, 503: healthResponse } }, logLevel: 'warn' }, async (_request, reply) => {
    const results = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          await withTimeout(check(), 2000);
          return [name, 'ok'] as const;
        } catch (error) {
          return [name, `unavailable: ${(error as Error).message}`] as const;
        }
      }),
    );
    const ready = results.every(([, result]) => result === 'ok');
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ok' : 'unavailable', checks: Object.fromEntries(results) });
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);
}
