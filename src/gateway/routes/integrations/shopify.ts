import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../core/errors';
import type { ShopperPrivacy } from '../../../core/ports/shopper-privacy';
import { storeIdParams } from '../stores/schema';
import { connectionReport, connectTokenBody, installBody, oauthQuery, privacyExport, privacyExportSummary } from './shopify-schema';

type Report = z.infer<typeof connectionReport>;

/** What the routes need from the Shopify integration (built in compose.ts from src/integrations/shopify). */
export interface ShopifyIntegration {
  connectWithToken(storeId: string, input: { shopDomain: string; accessToken: string; webhookSecret?: string }): Promise<Report>;
  test(storeId: string): Promise<Report>;
  disconnect(storeId: string): Promise<void>;
  beginInstall(storeId: string, shop: string): Promise<string>;
  relaunchInstall(query: Record<string, string>): Promise<string>;
  completeInstall(query: Record<string, string>): Promise<Report & { storeId: string }>;
}

/** Connecting a store to Shopify (token or OAuth), testing it, and the privacy exports its webhooks make. */
export function shopifyIntegrationSurface(shopify: ShopifyIntegration, privacy: ShopperPrivacy) {
  return async (app: FastifyInstance) => {
    const typed = app.withTypeProvider<ZodTypeProvider>();
    typed.put(
      '/v1/stores/:storeId/integrations/shopify',
      {
        config: { auth: { mode: 'store', scope: 'settings:write', action: 'integrations.shopify.connect' }, errors: ['unprocessable'] },
        schema: {
          tags: ['integrations'],
          operationId: 'connectShopifyToken',
          summary: 'Connect the store to Shopify with a custom app’s admin token (checked against the shop first, then stored sealed)',
          params: storeIdParams,
          body: connectTokenBody,
          response: { 200: connectionReport },
        },
      },
      async (request) => {
        const { shopDomain, accessToken, apiSecret } = request.body;
        return shopify.connectWithToken(request.params.storeId, { shopDomain, accessToken, ...(apiSecret ? { webhookSecret: apiSecret } : {}) });
      },
    );
    typed.delete(
      '/v1/stores/:storeId/integrations/shopify',
      {
        config: { auth: { mode: 'store', scope: 'settings:write', action: 'integrations.shopify.disconnect' } },
        schema: { tags: ['integrations'], operationId: 'disconnectShopify', summary: 'Disconnect Shopify: the token is erased and the store uses its built-in backend again', params: storeIdParams, response: { 204: z.null().describe('Disconnected') } },
      },
      async (request, reply) => {
        await shopify.disconnect(request.params.storeId);
        return reply.code(204).send(null);
      },
    );
    typed.post(
      '/v1/stores/:storeId/integrations/shopify/test',
      {
        config: { auth: { mode: 'store', scope: 'settings:write', action: 'integrations.shopify.test' } },
        schema: { tags: ['integrations'], operationId: 'testShopify', summary: 'Check the Shopify connection: the token works, and the scopes granted against those required', params: storeIdParams, response: { 200: connectionReport } },
      },
      async (request) => shopify.test(request.params.storeId),
    );
    typed.post(
      '/v1/stores/:storeId/integrations/shopify/install',
      {
        config: { auth: { mode: 'store', scope: 'settings:write', action: 'integrations.shopify.install' }, errors: ['unprocessable'] },
        schema: {
          tags: ['integrations'],
          operationId: 'beginShopifyInstall',
          summary: 'Start the OAuth install: answers the Shopify URL the merchant opens (a one-time state, 10 minutes)',
          params: storeIdParams,
          body: installBody,
          response: { 200: z.object({ authorizeUrl: z.string() }) },
        },
      },
      async (request) => ({ authorizeUrl: await shopify.beginInstall(request.params.storeId, request.body.shop) }),
    );
    typed.get(
      '/integrations/shopify/install',
      {
        config: { auth: { mode: 'public', action: 'integrations.shopify.launch' }, errors: ['unauthorized', 'unprocessable'] },
        schema: {
          tags: ['integrations'],
          operationId: 'launchShopifyInstall',
          summary: 'Shopify’s signed app launch for a linked shop: redirects (302) to Shopify’s authorize page with a new state; a caller that accepts only JSON gets the URL instead',
          querystring: oauthQuery,
          response: { 200: z.object({ authorizeUrl: z.string() }), 302: z.null().describe('To Shopify’s authorize page (Location)') },
        },
      },
      async (request, reply) => {
        const authorizeUrl = await shopify.relaunchInstall(request.query as Record<string, string>);
        if (request.headers.accept === 'application/json') return { authorizeUrl };
        return reply.redirect(authorizeUrl, 302);
      },
    );
    typed.get(
      '/integrations/shopify/callback',
      {
        config: { auth: { mode: 'public', action: 'integrations.shopify.callback' }, errors: ['unauthorized', 'unprocessable'] },
        schema: { tags: ['integrations'], operationId: 'completeShopifyInstall', summary: 'The OAuth callback: HMAC, shop and state checked, the code exchanged for an offline token', querystring: oauthQuery, response: { 200: connectionReport } },
      },
      async (request) => {
        const { storeId: _storeId, ...report } = await shopify.completeInstall(request.query as Record<string, string>);
        return report;
      },
    );
    typed.get(
      '/v1/stores/:storeId/privacy-exports',
      {
        config: { auth: { mode: 'store', scope: 'settings:write' } },
        schema: { tags: ['privacy'], operationId: 'listPrivacyExports', summary: 'Exports made for shoppers’ data requests (customers/data_request), newest first', params: storeIdParams, response: { 200: z.object({ data: z.array(privacyExportSummary) }) } },
      },
      async (request) => ({ data: await privacy.listExports(request.params.storeId) }),
    );
    typed.get(
      '/v1/stores/:storeId/privacy-exports/:exportId',
      {
        config: { auth: { mode: 'store', scope: 'settings:write' } },
        schema: {
          tags: ['privacy'],
          operationId: 'getPrivacyExport',
          summary: 'One export: the shopper’s conversations, messages and feedback, to send to the shopper',
          params: storeIdParams.extend({ exportId: z.uuid() }),
          response: { 200: privacyExport },
        },
      },
      async (request) => {
        const found = await privacy.getExport(request.params.storeId, request.params.exportId);
        if (!found) throw new AppError('not_found', 'no such export');
        return found;
      },
    );
  };
}
