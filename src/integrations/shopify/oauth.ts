import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FetchApi } from './admin-transport';
import { ShopifyError } from './shopify-error';

/** A shop's permanent domain: `name.myshopify.com`, lowercase letters, digits and hyphens (Shopify's own pattern). */
export const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

export const isShopDomain = (value: string): boolean => SHOP_DOMAIN.test(value);

export const newStateNonce = (): string => randomBytes(24).toString('base64url');

/** The install URL the merchant is sent to (offline access: no `grant_options[]=per-user`). */
export function authorizeUrl(input: { shop: string; clientId: string; scopes: string[]; redirectUri: string; state: string }): string {
  const params = new URLSearchParams({ client_id: input.clientId, scope: input.scopes.join(','), redirect_uri: input.redirectUri, state: input.state });
  return `https://${input.shop}/admin/oauth/authorize?${params.toString()}`;
}

/**
 * The callback's HMAC: hex HMAC-SHA256 with the app secret over the query's other parameters,
 * sorted by name and joined as `name=value&…`, compared in constant time.
 */
export function verifyOAuthQuery(query: Record<string, string>, secret: string): boolean {
  const { hmac, signature: _signature, ...rest } = query;
  if (!hmac || !/^[0-9a-f]{64}$/i.test(hmac)) return false;
  const message = Object.keys(rest)
    .sort()
    .map((key) => `${key}=${rest[key]}`)
    .join('&');
  const expected = Buffer.from(createHmac('sha256', secret).update(message).digest('hex'), 'utf8');
  const given = Buffer.from(hmac.toLowerCase(), 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Exchanges the callback's code for the shop's offline access token and the scopes granted. */
export async function exchangeCode(input: { shop: string; clientId: string; clientSecret: string; code: string; fetchApi?: FetchApi; timeoutMs?: number }): Promise<{ accessToken: string; scopes: string[] }> {
  const response = await (input.fetchApi ?? fetch)(`https://${input.shop}/admin/oauth/access_token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ client_id: input.clientId, client_secret: input.clientSecret, code: input.code }),
    signal: AbortSignal.timeout(input.timeoutMs ?? 10_000),
  });
  if (!response.ok) throw new ShopifyError('auth', `the access-token exchange was refused (${response.status})`);
  const body = (await response.json()) as { access_token?: string; scope?: string };
  if (!body.access_token) throw new ShopifyError('auth', 'the access-token exchange answered no token');
  return { accessToken: body.access_token, scopes: (body.scope ?? '').split(',').map((s) => s.trim()).filter(Boolean) };
}
