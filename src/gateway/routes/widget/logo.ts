import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../core/errors';
import { sniffImageType } from '../../../core/image-type';
import type { WidgetLogoStore } from '../../../core/ports/widget-logos';
import type { StoreService } from '../../../core/store-service';
import { settingsResponse, storeIdParams } from '../stores/schema';
import { presentSettings } from '../stores/settings';

const MAX_LOGO_BYTES = 64 * 1024;

/**
 * A store's widget logo, uploaded to the gateway (so a shop without an image host of its own still
 * makes no third-party request): PUT /v1/stores/{storeId}/widget/logo stores it and points the
 * widget at it; GET /widget/v1/logos/{storeId}/{hash} serves it, immutable (a new logo is a new hash).
 */
export function widgetLogoRoutes({ stores, logos }: { stores: StoreService; logos: WidgetLogoStore }) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().put(
      '/v1/stores/:storeId/widget/logo',
      {
        config: { auth: { mode: 'store', scope: 'settings:write', action: 'settings.widget_logo' }, errors: ['unprocessable'] },
        schema: {
          tags: ['stores'],
          operationId: 'uploadWidgetLogo',
          summary: 'Upload the widget logo (PNG, JPEG, WebP or GIF, at most 64 KB, base64) and show it in the widget',
          params: storeIdParams,
          body: z.strictObject({ image: z.base64('image must be base64').max(Math.ceil(MAX_LOGO_BYTES / 3) * 4 + 4, 'the logo must be at most 64 KB') }),
          response: { 200: settingsResponse },
        },
      },
      async (request) => {
        const bytes = new Uint8Array(Buffer.from(request.body.image, 'base64'));
        if (bytes.length > MAX_LOGO_BYTES) throw new AppError('validation_failed', 'the logo must be at most 64 KB');
        const contentType = sniffImageType(bytes);
        if (!contentType) throw new AppError('unprocessable', 'the logo must be a PNG, JPEG, WebP or GIF image (SVG is not accepted: it can carry script)');
        const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
        const { storeId } = request.params;
        await logos.save(storeId, { hash, contentType, bytes });
        return presentSettings(await stores.updateSettings(storeId, { widget: { logoUrl: `/widget/v1/logos/${storeId}/${hash}` } }));
      },
    );

    app.get<{ Params: { storeId: string; hash: string } }>('/widget/v1/logos/:storeId/:hash', { schema: { hide: true }, logLevel: 'warn' }, async (request, reply) => {
      const { storeId, hash } = request.params;
      const logo = /^[0-9a-f-]{36}$/.test(storeId) && /^[0-9a-f]{16}$/.test(hash) ? await logos.find(storeId, hash) : undefined;
      if (!logo) return reply.status(404).send({ error: { code: 'not_found', message: 'no such logo', requestId: request.id } });
      return reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'")
        .header('cross-origin-resource-policy', 'cross-origin')
        .type(logo.contentType)
        .send(Buffer.from(logo.bytes));
    });
  };
}
