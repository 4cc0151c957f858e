import type { FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { ErrorCode } from '../../core/errors';
import type { RouteAuth } from '../auth-context';
import { errorBodySchema, errorResponseComponents, errorResponses } from './error-responses';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Errors this route's handler raises besides the ones its auth, inputs and idempotency imply (documented in OpenAPI). */
    errors?: ErrorCode[];
    /** The 200 answer is (or may be, with Accept: text/event-stream) a Server-Sent Events stream. */
    eventStream?: string;
  }
}

interface RouteFacts {
  auth: RouteAuth | undefined;
  inputs: boolean;
  body: boolean;
  params: boolean;
  errors: ErrorCode[];
  eventStream: string | undefined;
}

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];
type OpenApiDocument = Record<string, unknown> & { paths?: Record<string, Record<string, Operation>>; components?: Record<string, Record<string, unknown>> };
interface Operation {
  security?: unknown[];
  responses?: Record<string, unknown>;
}

const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** Who may call a route, as OpenAPI security requirements derived from its `config.auth` (the one source of truth). */
type Security = NonNullable<FastifySchema['security']>;

function securityFor(auth: RouteAuth | undefined, declared: FastifySchema['security']): Security {
  if (!auth || auth.mode === 'public') return declared ?? [];
  if (auth.mode === 'admin') return [{ adminToken: [] }];
  return [{ storeKey: [] }, { operatorSession: [] }, ...(auth.allowWidget ? [{ widgetKey: [] }] : [])];
}

/** The error statuses a route can answer, from what the gateway does around every handler. */
function errorNamesFor(facts: RouteFacts): string[] {
  const codes = new Set<ErrorCode>(facts.errors);
  if (facts.inputs) codes.add('validation_failed');
  // Any POST, PUT or PATCH may carry a body the parser refuses, whether or not the route reads one.
  if (facts.body) codes.add('payload_too_large').add('unsupported_media_type').add('bad_request');
  if (facts.auth) codes.add('rate_limited');
  if (facts.auth && facts.auth.mode !== 'public') codes.add('unauthorized').add('forbidden');
  if (facts.params) codes.add('not_found');
  if (facts.auth?.idempotent) codes.add('idempotency_conflict');
  codes.add('internal').add('unavailable');
  return Object.entries(errorResponses)
    .filter(([, response]) => response.codes.some((code) => codes.has(code)))
    .map(([name]) => name);
}

/**
 * The gateway's OpenAPI conventions: security, error responses, servers and shared components are
 * derived from each route's config, so a route documents only its own shapes (docs/api-routes.md).
 */
export function openApiConventions() {
  const facts = new Map<string, RouteFacts>();

  function transform(input: TransformInput) {
    const result = jsonSchemaTransform(input);
    const route = input.route as RouteOptions & { config?: { auth?: RouteAuth; errors?: ErrorCode[]; eventStream?: string } };
    const schema = (result.schema ?? {}) as FastifySchema & { hide?: boolean };
    if (schema.hide) return result;
    const auth = route.config?.auth;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const original = input.schema ?? {};
    const routeFacts: RouteFacts = {
      auth,
      inputs: Boolean(original.body ?? original.querystring ?? original.params ?? original.headers),
      body: Boolean(original.body) || methods.some((method) => ['POST', 'PUT', 'PATCH'].includes(String(method).toUpperCase())),
      params: Boolean(original.params),
      errors: route.config?.errors ?? [],
      eventStream: route.config?.eventStream,
    };
    for (const method of methods) facts.set(`${method.toLowerCase()} ${openApiPath(result.url ?? input.url)}`, routeFacts);
    return { ...result, schema: { ...schema, security: securityFor(auth, original.security) } };
  }

  function transformObject(input: Parameters<typeof jsonSchemaTransformObject>[0]) {
    const document = jsonSchemaTransformObject(input) as OpenApiDocument;
    const components = (document.components ??= {});
    components.schemas = { ...components.schemas, Error: errorBodySchema };
    components.responses = { ...components.responses, ...errorResponseComponents() };
    for (const [path, operations] of Object.entries(document.paths ?? {})) {
      for (const [method, operation] of Object.entries(operations)) {
        const known = facts.get(`${method} ${path}`);
        if (!known) continue;
        const responses = (operation.responses ??= {});
        for (const name of errorNamesFor(known)) {
          const status = String(errorResponses[name]!.status);
          responses[status] ??= { $ref: `#/components/responses/${name}` };
        }
        if (known.eventStream) {
          const ok = (responses['200'] ??= { description: 'OK' }) as { description: string; content?: Record<string, unknown> };
          ok.content = { ...ok.content, 'text/event-stream': { schema: { type: 'string', description: known.eventStream } } };
        }
      }
    }
    return document;
  }

  return { transform, transformObject };
}
