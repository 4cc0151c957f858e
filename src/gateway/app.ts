import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import type { ApiKeyService } from '../core/api-key-service';
import type { IdempotencyStore } from '../core/ports/idempotency-store';
import type { RateLimiter } from '../core/ports/rate-limiter';
import type { AuditLog } from '../core/ports/store-repository';
import type { OperatorService } from '../core/operator-service';
import type { StoreService } from '../core/store-service';
import { withTextSafety } from './plugins/text-safety';
import { loggerOptions } from './logging/logger';
import { openApiPlugin } from './openapi/openapi-plugin';
import { auditPlugin } from './plugins/audit';
import { authPlugin, authRecheckPlugin, publicAuthFailuresPlugin } from './plugins/auth';
import { corsPlugin } from './plugins/cors';
import { errorsPlugin, sendError } from './plugins/errors';
import { idempotencyPlugin } from './plugins/idempotency';
import { metricsPlugin } from './plugins/metrics';
import { authFailureThrottle } from './plugins/auth-failures';
import { rateLimitPlugin } from './plugins/rate-limit';
import { apiKeyRoutes } from './routes/api-keys/api-keys';
import { tokenRoute } from './routes/auth/token';
import { operatorRoutes } from './routes/operators/index';
import { healthRoutes, type ReadinessCheck } from './routes/health';
import { createStoreRoute } from './routes/stores/create-store';
import { settingsRoutes } from './routes/stores/settings';
import type { TokenIssuer } from './tokens';

/** Everything the gateway needs, built by main.ts (or a test). */
export interface GatewayDeps {
  adminToken: string;
  stores: StoreService;
  apiKeys: ApiKeyService;
  audit: AuditLog;
  idempotency: IdempotencyStore;
  rateLimiter: RateLimiter;
  tokens: TokenIssuer;
  metrics: Registry;
  readiness: Record<string, ReadinessCheck>;
  rateLimitPerMinute: number;
  /** Public (widget) keys, per client address and endpoint. */
  rateLimitPerAddressPerMinute?: number;
  /** Failed authentications per client address before it waits out the minute. */
  authFailuresPerMinute?: number;
  /** Fastify's trustProxy: behind a reverse proxy, the client address comes from X-Forwarded-For. */
  trustProxy?: boolean | string;
  bodyLimitBytes: number;
  logLevel: string;
  /** Append the JSON log lines to this file instead of stdout. */
  logFile?: string | undefined;
  /** Operator accounts and console sessions (absent: operator tokens are refused). */
  operators?: OperatorService;
  /** Feature surfaces (conversations, knowledge…) register themselves here. */
  surfaces?: ((app: FastifyInstance) => Promise<void>)[];
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
// The defaults of CONCIERGE_RATE_LIMIT_PER_ADDRESS_PER_MINUTE and CONCIERGE_AUTH_FAILURES_PER_MINUTE.
const DEFAULT_PER_ADDRESS = 120;
const DEFAULT_AUTH_FAILURES = 20;

/** Builds the Fastify instance without listening: tests use inject, main.ts calls listen. */
export async function buildApp(deps: GatewayDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions({ level: deps.logLevel, file: deps.logFile }),
    bodyLimit: deps.bodyLimitBytes,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
    // The router's own refusals (a malformed URL, a path parameter past its length) in the one error shape.
    frameworkErrors: (error, request, reply) =>
      error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? sendError(reply, request, 'not_found', 'no such resource: a path parameter is too long') : sendError(reply, request, 'bad_request', 'the URL is malformed'),
    trustProxy: deps.trustProxy ?? false,
  });
  app.setValidatorCompiler(withTextSafety(validatorCompiler));
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(errorsPlugin);
  await app.register(openApiPlugin);
  await app.register(metricsPlugin, { registry: deps.metrics });
  const failures = authFailureThrottle(deps.rateLimiter, deps.authFailuresPerMinute ?? DEFAULT_AUTH_FAILURES);
  await app.register(authPlugin, { adminToken: deps.adminToken, apiKeys: deps.apiKeys, stores: deps.stores, tokens: deps.tokens, operatorSessions: deps.operators, failures });
  await app.register(publicAuthFailuresPlugin, { failures });
  await app.register(rateLimitPlugin, { limiter: deps.rateLimiter, perMinute: deps.rateLimitPerMinute, perAddressPerMinute: deps.rateLimitPerAddressPerMinute ?? DEFAULT_PER_ADDRESS });
  await app.register(authRecheckPlugin, { apiKeys: deps.apiKeys });
  await app.register(corsPlugin, { stores: deps.stores });
  await app.register(auditPlugin, { audit: deps.audit });
  await app.register(idempotencyPlugin, { store: deps.idempotency });

  await app.register(healthRoutes, { checks: deps.readiness });
  await app.register(createStoreRoute, { stores: deps.stores });
  await app.register(settingsRoutes, { stores: deps.stores });
  await app.register(apiKeyRoutes, { apiKeys: deps.apiKeys });
  await app.register(tokenRoute, { tokens: deps.tokens });
  if (deps.operators) await app.register(operatorRoutes, { operators: deps.operators, stores: deps.stores });
  for (const surface of deps.surfaces ?? []) await app.register(surface);
  return app;
}
