import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StoreService } from '../../../core/store-service';
import { publicAppearance } from '../../../core/widget-public-appearance';
import { callerStore } from '../conversations/access';

const appearanceResponse = z
  .object({
    primaryColor: z.string().describe('#rrggbb, at least 4.5:1 against the white text it carries'),
    accentText: z.string(),
    logoUrl: z.string().nullable().describe('on one of the allowed origins, or a gateway path (/widget/v1/logos/…) for an uploaded logo'),
    position: z.enum(['bottom-right', 'bottom-left']),
    language: z.string().describe('auto: the shopper’s browser language when one of `strings` matches, else defaultLanguage'),
    defaultLanguage: z.string(),
    strings: z.record(z.string(), z.record(z.string(), z.string())).describe('every string the widget shows, per language, the store’s overrides applied'),
  })
  .describe("The website widget's appearance");

/**
 * GET /v1/widget/appearance: what the widget draws itself with, for the calling widget key's store.
 * Revalidated on every load (no-cache) and answered 304 while the ETag matches, so a settings change
 * shows at the next page load and an unchanged one costs no body.
 */
export function widgetAppearanceRoute(stores: StoreService) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/v1/widget/appearance',
      {
        config: { auth: { mode: 'store', allowWidget: true } },
        schema: {
          tags: ['stores'],
          operationId: 'getWidgetAppearance',
          summary: "The website widget's colour, logo, position and strings for the calling key's store (ETag; 304 when unchanged)",
          querystring: z.strictObject({}),
          response: { 200: appearanceResponse, 304: z.null().describe('not modified since the ETag sent in If-None-Match') },
        },
        // Shaped exactly by publicAppearance; the ETag is over these bytes.
        serializerCompiler: () => (data) => (typeof data === 'string' ? data : JSON.stringify(data)),
      },
      async (request, reply) => {
        const settings = await stores.settings(callerStore(request));
        const body = JSON.stringify(publicAppearance(settings.widget, settings.allowedOrigins));
        const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
        reply.header('etag', etag).header('cache-control', 'no-cache').header('vary', 'Origin, Authorization');
        if (request.headers['if-none-match'] === etag) return reply.status(304).send(null);
        // Already JSON (the ETag is over these bytes): the serializer above passes a string through.
        return reply.type('application/json; charset=utf-8').send(body as never);
      },
    );
  };
}
