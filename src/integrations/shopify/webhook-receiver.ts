import { z } from 'zod';
import type { ShopifyShops } from '../../core/ports/shopify-shops';
import type { ShopperIdentity, ShopperPrivacy } from '../../core/ports/shopper-privacy';
import type { WebhookDeliveries } from '../../core/ports/webhook-deliveries';
import { verifyShopifyHmac } from './webhook-signature';

export interface ShopifyWebhookDeps {
  shops: ShopifyShops;
  deliveries: WebhookDeliveries;
  privacy: ShopperPrivacy;
  /** The secret Shopify signs this store's webhooks with: the custom app's, else the OAuth app's. */
  secretFor(storeId: string): Promise<string | undefined>;
  onOrderChanged(storeId: string, orderId: string): Promise<void>;
  onProductChanged(storeId: string, productId: string, deleted: boolean): Promise<void>;
  /** The app was uninstalled (or the shop erased): the access token is erased and the store goes back to its built-in backend. */
  disconnect(storeId: string): Promise<void>;
}

export interface WebhookAnswer {
  status: number;
  body: { received: true; topic: string; outcome: string } | { code: string; message: string };
}

const numericOrGid = z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(String);
const customerPayload = z.looseObject({
  customer: z.looseObject({ id: numericOrGid.nullish(), email: z.string().nullish() }),
  orders_requested: z.array(numericOrGid).nullish(),
  orders_to_redact: z.array(numericOrGid).nullish(),
  data_request: z.looseObject({ id: numericOrGid }).nullish(),
});
const withId = z.looseObject({ id: numericOrGid, admin_graphql_api_id: z.string().optional() });
const withOrderId = z.looseObject({ order_id: numericOrGid });

const gid = (type: string, id: string) => `gid://shopify/${type}/${id}`;
const refuse = (status: number, code: string, message: string): WebhookAnswer => ({ status, body: { code, message } });
const header = (headers: Record<string, string | string[] | undefined>, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function identity(payload: z.infer<typeof customerPayload>, orders: string[] | null | undefined): ShopperIdentity {
  const id = payload.customer.id;
  return { email: payload.customer.email ?? null, customerIds: id ? [gid('Customer', id), id] : [], orderIds: (orders ?? []).flatMap((o) => [gid('Order', o), o]) };
}

/**
 * Shopify's webhooks for every connected store: the HMAC of the raw body checked before anything
 * else, each delivery handled once (by X-Shopify-Webhook-Id, kept in the database), then the topic.
 */
export function shopifyWebhookReceiver(deps: ShopifyWebhookDeps) {
  async function handle(storeId: string, topic: string, payload: unknown): Promise<string> {
    const [resource] = topic.split('/');
    if (resource === 'orders') {
      const order = withId.parse(payload);
      await deps.onOrderChanged(storeId, order.admin_graphql_api_id ?? gid('Order', order.id));
      return 'order_invalidated';
    }
    if (resource === 'fulfillments' || resource === 'refunds') {
      await deps.onOrderChanged(storeId, gid('Order', withOrderId.parse(payload).order_id));
      return 'order_invalidated';
    }
    if (resource === 'products') {
      const product = withId.parse(payload);
      await deps.onProductChanged(storeId, product.admin_graphql_api_id ?? gid('Product', product.id), topic === 'products/delete');
      return 'product_synced';
    }
    if (topic === 'app/uninstalled') {
      await deps.disconnect(storeId);
      return 'disconnected';
    }
    if (topic === 'customers/data_request') {
      const request = customerPayload.parse(payload);
      const made = await deps.privacy.exportShopper(storeId, identity(request, request.orders_requested), { source: 'shopify:customers/data_request', requestId: request.data_request?.id ?? null });
      return `exported:${made.id}`;
    }
    if (topic === 'customers/redact') {
      const request = customerPayload.parse(payload);
      await deps.privacy.eraseShopper(storeId, identity(request, request.orders_to_redact));
      return 'customer_erased';
    }
    if (topic === 'shop/redact') {
      await deps.privacy.eraseStoreData(storeId);
      await deps.disconnect(storeId);
      return 'shop_erased';
    }
    return 'ignored';
  }

  return {
    async receive(headers: Record<string, string | string[] | undefined>, rawBody: Buffer): Promise<WebhookAnswer> {
      const signature = header(headers, 'x-shopify-hmac-sha256');
      const domain = header(headers, 'x-shopify-shop-domain')?.toLowerCase();
      if (!signature || !domain) return refuse(401, 'unauthorized', 'missing X-Shopify-Hmac-Sha256 or X-Shopify-Shop-Domain');
      const shop = await deps.shops.byDomain(domain);
      const secret = shop ? await deps.secretFor(shop.storeId) : undefined;
      if (!shop || !secret || !verifyShopifyHmac(rawBody, signature, secret)) return refuse(401, 'unauthorized', 'the webhook signature does not verify');

      const topic = header(headers, 'x-shopify-topic');
      const deliveryId = header(headers, 'x-shopify-webhook-id');
      if (!topic || !deliveryId) return refuse(400, 'bad_request', 'missing X-Shopify-Topic or X-Shopify-Webhook-Id');
      let payload: unknown;
      try {
        payload = JSON.parse(rawBody.toString('utf8'));
      } catch {
        return refuse(400, 'bad_request', 'the webhook body is not JSON');
      }
      if (typeof payload !== 'object' || payload === null) return refuse(400, 'bad_request', 'the webhook body is not a JSON object');

      if (!(await deps.deliveries.claim('shopify', deliveryId, shop.storeId))) return { status: 200, body: { received: true, topic, outcome: 'duplicate' } };
      try {
        return { status: 200, body: { received: true, topic, outcome: await handle(shop.storeId, topic, payload) } };
      } catch (error) {
        // Not handled: forget the delivery so Shopify's retry is handled.
        await deps.deliveries.release('shopify', deliveryId);
        if (error instanceof z.ZodError) return refuse(400, 'bad_request', `the ${topic} payload is malformed: ${error.issues[0]?.path.join('.') || 'body'} ${error.issues[0]?.message ?? ''}`.trim());
        throw error;
      }
    },
  };
}

export type ShopifyWebhookReceiver = ReturnType<typeof shopifyWebhookReceiver>;
