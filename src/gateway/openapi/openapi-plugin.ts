import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { openApiConventions } from './conventions';
import { securitySchemes } from './security-schemes';

/** A route as registered, so a test can prove every one is documented. */
export interface RegisteredRoute {
  method: string;
  url: string;
  hidden: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[];
  }
}

const description = [
  'AI customer support for online stores.',
  '',
  'Every error answers `{"error": {"code", "message", "requestId"}}` with the status of its code. `POST` calls accept',
  '`Idempotency-Key`. A typed TypeScript client generated from this document ships in the repository (`clients/typescript`).',
].join('\n');

/** OpenAPI 3.1 at /openapi.json (lint-clean under Redocly's recommended rules) and the browsable docs at /docs. */
export const openApiPlugin = fp(async (app: FastifyInstance) => {
  const { transform, transformObject } = openApiConventions();
  const routes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, hidden: Boolean((route.schema as { hide?: boolean } | undefined)?.hide) });
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Concierge API', version: '1', description, license: { name: 'MIT', identifier: 'MIT' } },
      servers: [{ url: '/', description: 'this Concierge instance' }],
      components: { securitySchemes },
      tags: [
        { name: 'stores', description: 'Stores and their settings' },
        { name: 'operators', description: 'The people of a store who use the console: accounts, roles, sessions' },
        { name: 'api keys', description: 'Secret and widget keys' },
        { name: 'auth', description: 'Short-lived tokens' },
        { name: 'conversations', description: 'Shoppers\' conversations with the agent and the human team' },
        { name: 'actions', description: 'What the agent did or proposes; the approval queue' },
        { name: 'knowledge', description: 'The knowledge base the agent answers from' },
        { name: 'catalog', description: 'The built-in demo commerce backend' },
        { name: 'integrations', description: 'Connections to commerce platforms (Shopify) and their webhooks' },
        { name: 'privacy', description: 'Shoppers\' data exports asked for through a platform\'s privacy requests' },
        { name: 'analytics', description: 'What the agent does and saves' },
        { name: 'operations', description: 'Health, readiness, metrics and this document' },
      ],
    },
    transform,
    transformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get(
    '/openapi.json',
    { schema: { tags: ['operations'], operationId: 'getOpenApiDocument', summary: 'This document (OpenAPI 3.1)', querystring: z.strictObject({}), response: { 200: z.record(z.string(), z.unknown()) } } },
    async () => app.swagger(),
  );
});
