import { z } from 'zod';

export const connectTokenBody = z.strictObject({
  shopDomain: z.string().min(1).max(255).describe('The shop’s permanent domain, e.g. your-shop.myshopify.com'),
  accessToken: z.string().min(1).max(500).describe('The custom app’s Admin API access token (shpat_…); stored sealed, never returned'),
  apiSecret: z.string().min(1).max(500).optional().describe('The custom app’s API secret key: Shopify signs its webhooks with it'),
});

export const installBody = z.strictObject({ shop: z.string().min(1).max(255).describe('your-shop.myshopify.com') });

export const connectionReport = z.object({
  ok: z.boolean().describe('The token works and every required scope is granted'),
  shopDomain: z.string(),
  shopName: z.string().nullable(),
  grantedScopes: z.array(z.string()),
  requiredScopes: z.array(z.string()),
  missingScopes: z.array(z.string()),
  error: z.string().optional().describe('Why Shopify refused, when it did'),
});

/** Shopify's signed query; every parameter it sends (host, locale…) is kept, as the HMAC covers them all. */
export const oauthQuery = z.looseObject({
  shop: z.string().max(255).optional().describe('your-shop.myshopify.com'),
  hmac: z.string().max(128).optional().describe('hex HMAC-SHA256 of the other parameters with the app secret'),
  timestamp: z.string().max(20).optional(),
  code: z.string().max(255).optional().describe('callback only: the authorization code'),
  state: z.string().max(255).optional().describe('callback only: the state nonce'),
  host: z.string().max(500).optional(),
});

export const privacyExportSummary = z.object({
  id: z.string(),
  source: z.string(),
  requestId: z.string().nullable(),
  conversations: z.number().int(),
  createdAt: z.date(),
});

export const privacyExport = privacyExportSummary.extend({
  data: z.object({
    conversations: z.array(
      z.object({
        id: z.string(),
        channel: z.string(),
        status: z.string(),
        createdAt: z.string(),
        messages: z.array(z.object({ role: z.string(), content: z.string(), createdAt: z.string() })),
        feedback: z.array(z.object({ kind: z.string(), score: z.number(), messageId: z.string().nullable(), createdAt: z.string() })),
      }),
    ),
  }),
});
