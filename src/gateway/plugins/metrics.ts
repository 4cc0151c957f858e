import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics on /metrics: request latency and counts by route, plus the process. */
export const metricsPlugin = fp(async (app: FastifyInstance, { registry }: { registry: Registry }) => {
  collectDefaultMetrics({ register: registry, prefix: 'concierge_' });
  const duration = new Histogram({
    name: 'concierge_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  const requests = new Counter({ name: 'concierge_http_requests_total', help: 'HTTP requests', labelNames: ['method', 'route', 'status'], registers: [registry] });

  app.addHook('onResponse', async (request, reply) => {
    const labels = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) };
    duration.observe(labels, reply.elapsedTime / 1000);
    requests.inc(labels);
  });

  const metricsSchema = {
    tags: ['operations'],
    operationId: 'getMetrics',
    summary: 'Prometheus metrics (text exposition format)',
    querystring: z.strictObject({}),
    response: { 200: { description: 'the metrics', content: { 'text/plain': { schema: z.string() } } } },
  };
  app.get('/metrics', { schema: metricsSchema }, async (_request, reply) => {
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
});
