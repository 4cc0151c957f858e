import { createHmac, timingSafeEqual } from 'node:crypto';

/** base64(HMAC-SHA256(secret, raw body)), as Shopify signs webhooks in X-Shopify-Hmac-Sha256. */
export const shopifyWebhookHmac = (rawBody: Buffer | string, secret: string): string => createHmac('sha256', secret).update(rawBody).digest('base64');

/** Compares in constant time; a signature of the wrong length is refused without comparing. */
export function verifyShopifyHmac(rawBody: Buffer, signature: string, secret: string): boolean {
  const expected = Buffer.from(shopifyWebhookHmac(rawBody, secret), 'utf8');
  const given = Buffer.from(signature.trim(), 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
