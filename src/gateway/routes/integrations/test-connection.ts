import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { IntegrationCheck } from '../../../core/ports/integration-check';
import { storeIdParams } from '../stores/schema';

const result = z.object({ provider: z.string(), ok: z.boolean(), message: z.string() });

/** POST /v1/stores/{storeId}/integrations/{provider}/test: checks the stored credentials of one provider with a harmless read. */
export function integrationTestSurface(checks: Record<string, IntegrationCheck>) {
  return async (app: FastifyInstance) => {
    for (const [provider, check] of Object.entries(checks)) {
      app.withTypeProvider<ZodTypeProvider>().post(
        `/v1/stores/:storeId/integrations/${provider}/test`,
        {
          config: { auth: { mode: 'store', scope: 'settings:write', action: `integration.${provider}.test` }, errors: ['unprocessable'] },
          schema: {
            tags: ['integrations'],
            operationId: `test${provider[0]!.toUpperCase()}${provider.slice(1)}Connection`,
            summary: `Test the store's ${provider} credentials (one harmless read at the provider)`,
            security: [{ bearer: [] }],
            params: storeIdParams,
            response: { 200: result },
          },
        },
        async (request) => check.check(request.params.storeId),
      );
    }
  };
}
