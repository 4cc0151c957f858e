import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { StoreService } from '../../../core/store-service';
import type { StoreWithSettings } from '../../../core/stores';
import { settingsPatchSchema, settingsResponse, storeIdParams } from './schema';

/** A store's settings as the API shows them: credentials as statuses, the generated inbound address beside the e-mail settings. */
export const presentSettings = ({ settings, channels, inboundEmailAddress }: StoreWithSettings) => ({ ...settings, email: { ...settings.email, inboundAddress: inboundEmailAddress ?? null }, channels });

/** GET/PATCH /v1/stores/{storeId}/settings: the full settings object; credentials are write-only. */
export async function settingsRoutes(app: FastifyInstance, { stores }: { stores: StoreService }) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/v1/stores/:storeId/settings',
    {
      config: { auth: { mode: 'store' } },
      schema: { tags: ['stores'], operationId: 'getSettings', summary: 'Read the store settings', security: [{ bearer: [] }], params: storeIdParams, response: { 200: settingsResponse } },
      // The hottest read: `present` already shapes exactly the documented object, so skip re-encoding it.
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (request) => presentSettings(await stores.get(request.params.storeId)),
  );
  typed.patch(
    '/v1/stores/:storeId/settings',
    {
      config: { auth: { mode: 'store', scope: 'settings:write', action: 'settings.update' } },
      schema: {
        tags: ['stores'],
        operationId: 'updateSettings', summary: 'Change the store settings (any subset; channel credentials are sealed and never returned)',
        security: [{ bearer: [] }],
        params: storeIdParams,
        body: settingsPatchSchema,
        response: { 200: settingsResponse },
      },
    },
    async (request) => presentSettings(await stores.updateSettings(request.params.storeId, request.body)),
  );
}
