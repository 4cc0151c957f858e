import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiKeyService } from '../../../core/api-key-service';
import { scopes } from '../../../core/scopes';
import { storeIdParams } from '../stores/schema';

const apiKeySchema = z.object({
  id: z.string(),
  kind: z.enum(['secret', 'publishable']),
  name: z.string(),
  prefix: z.string().describe('the start of the key, to recognise it'),
  scopes: z.array(z.enum(scopes)),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

const issueBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(['secret', 'publishable']).default('secret'),
  scopes: z.array(z.enum(scopes)).min(1).optional().describe('defaults to admin for secret keys; widget keys always get conversations:write'),
});

/** Issue, list (never the secrets) and revoke a store's keys; several may live at once for rotation. */
export async function apiKeyRoutes(app: FastifyInstance, { apiKeys }: { apiKeys: ApiKeyService }) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const auth = { mode: 'store' as const, scope: 'admin' as const };
  typed.post(
    '/v1/stores/:storeId/api-keys',
    {
      config: { auth: { ...auth, action: 'api_key.issue', idempotent: true } },
      schema: {
        tags: ['api keys'],
        operationId: 'issueApiKey', summary: 'Issue a key (the secret is in this response only)',
        security: [{ bearer: [] }],
        params: storeIdParams,
        body: issueBody,
        response: { 201: z.object({ key: apiKeySchema, secret: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await apiKeys.issue(request.params.storeId, request.body)),
  );
  typed.get(
    '/v1/stores/:storeId/api-keys',
    {
      config: { auth },
      schema: { tags: ['api keys'], operationId: 'listApiKeys', summary: 'List keys', security: [{ bearer: [] }], params: storeIdParams, response: { 200: z.object({ data: z.array(apiKeySchema) }) } },
    },
    async (request) => ({ data: await apiKeys.list(request.params.storeId) }),
  );
  typed.delete(
    '/v1/stores/:storeId/api-keys/:keyId',
    {
      config: { auth: { ...auth, action: 'api_key.revoke' } },
      schema: {
        tags: ['api keys'],
        operationId: 'revokeApiKey', summary: 'Revoke a key (at once, on every instance)',
        security: [{ bearer: [] }],
        params: storeIdParams.extend({ keyId: z.string().min(1).max(64) }),
        response: { 200: z.object({ key: apiKeySchema }) },
      },
    },
    async (request) => ({ key: await apiKeys.revoke(request.params.storeId, request.params.keyId) }),
  );
}
