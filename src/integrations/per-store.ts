import type { CommercePort, PaymentsPort, ShippingPort } from '../core/ports/commerce';

/** Whether a store uses a provider (connected to Shopify, or has Stripe/shipping credentials), read from the cached store record. */
export type UsesProvider = (storeId: string) => Promise<boolean>;

type StoreMethod = (storeId: string, ...rest: never[]) => Promise<unknown>;
/** Every method of a port, listed so that a method added to the port and not routed fails to compile. */
type MethodList<P> = { [K in keyof P]: true };

/**
 * One port per store: each call goes to the provider the store uses, else the fallback, with every
 * argument forwarded as given (a hand-written forwarder once dropped getOrder's `{ fresh }`).
 */
function routed<P extends { [K in keyof P]: StoreMethod }>(methods: MethodList<P>, uses: UsesProvider, provider: P, fallback: P): P {
  const forward = (name: keyof P) => async (storeId: string, ...rest: never[]) => {
    const port = (await uses(storeId)) ? provider : fallback;
    return port[name](storeId, ...rest);
  };
  return Object.fromEntries(Object.keys(methods).map((name) => [name, forward(name as keyof P)])) as unknown as P;
}

const commerceMethods: MethodList<CommercePort> = {
  getOrder: true, findOrders: true, listShippedOrders: true, getCustomer: true, listProducts: true,
  cancelOrder: true, updateShippingAddress: true, createReturn: true, cancelReturn: true,
};
const paymentsMethods: MethodList<PaymentsPort> = { refund: true };
const shippingMethods: MethodList<ShippingPort> = { getTracking: true, createReturnLabel: true };

/** Orders, customers and products: a store connected to its platform (Shopify) is served by it, every other by the fallback. */
export const perStoreCommerce = (uses: UsesProvider, provider: CommercePort, fallback: CommercePort): CommercePort =>
  routed(commerceMethods, uses, provider, fallback);

/** Refunds through the store's payment provider (Shopify, Stripe) when it uses one, else through the fallback. */
export const perStorePayments = (uses: UsesProvider, provider: PaymentsPort, fallback: PaymentsPort): PaymentsPort =>
  routed(paymentsMethods, uses, provider, fallback);

/** Tracking and return labels through the store's shipping provider (EasyPost, Shopify's fulfilments) when it uses one, else the fallback. */
export const perStoreShipping = (uses: UsesProvider, provider: ShippingPort, fallback: ShippingPort): ShippingPort =>
  routed(shippingMethods, uses, provider, fallback);
