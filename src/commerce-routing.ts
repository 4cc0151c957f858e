import type { CommercePort, PaymentsPort, ShippingPort } from './core/ports/commerce';

/** Whether a store's commerce goes to its platform (Shopify) rather than the built-in backend. */
export type PlatformChooser = (storeId: string) => Promise<boolean>;

/** The Commerce port per store: a store connected to Shopify is served by Shopify, every other by the built-in backend. */
export function perStoreCommerce(builtIn: CommercePort, platform: CommercePort, connected: PlatformChooser): CommercePort {
  const pick = async (storeId: string) => ((await connected(storeId)) ? platform : builtIn);
  return {
    getOrder: async (storeId, reference) => (await pick(storeId)).getOrder(storeId, reference),
    findOrders: async (storeId, query) => (await pick(storeId)).findOrders(storeId, query),
    getCustomer: async (storeId, query) => (await pick(storeId)).getCustomer(storeId, query),
    listProducts: async (storeId, query) => (await pick(storeId)).listProducts(storeId, query),
    cancelOrder: async (storeId, orderId, input, options) => (await pick(storeId)).cancelOrder(storeId, orderId, input, options),
    updateShippingAddress: async (storeId, orderId, address, options) => (await pick(storeId)).updateShippingAddress(storeId, orderId, address, options),
    createReturn: async (storeId, orderId, input, options) => (await pick(storeId)).createReturn(storeId, orderId, input, options),
    cancelReturn: async (storeId, returnId) => (await pick(storeId)).cancelReturn(storeId, returnId),
  };
}

/** The Payments port per store: a Shopify store refunds through Shopify (refundCreate), others through the built-in backend. */
export function perStorePayments(builtIn: PaymentsPort, platform: PaymentsPort, connected: PlatformChooser): PaymentsPort {
  return { refund: async (storeId, input, options) => ((await connected(storeId)) ? platform : builtIn).refund(storeId, input, options) };
}

/** The Shipping port per store: a Shopify store's own (tracking from its fulfilments, no made-up labels), others the built-in backend's. */
export function perStoreShipping(builtIn: ShippingPort, platform: ShippingPort, connected: PlatformChooser): ShippingPort {
  const pick = async (storeId: string) => ((await connected(storeId)) ? platform : builtIn);
  return {
    getTracking: async (storeId, trackingNumber) => (await pick(storeId)).getTracking(storeId, trackingNumber),
    createReturnLabel: async (storeId, input, options) => (await pick(storeId)).createReturnLabel(storeId, input, options),
  };
}
