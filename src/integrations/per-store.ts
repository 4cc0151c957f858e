import type { PaymentsPort, ShippingPort } from '../core/ports/commerce';

/** Whether a store has a provider's credentials (read from the cached store record, not opened). */
export type ConfiguredCheck = (storeId: string) => Promise<boolean>;

/** Refunds through the store's payment provider when it has one configured (Stripe), else through the default backend. */
export function perStorePayments(configured: ConfiguredCheck, provider: PaymentsPort, fallback: PaymentsPort): PaymentsPort {
  return {
    refund: async (storeId, input, options) => ((await configured(storeId)) ? provider : fallback).refund(storeId, input, options),
  };
}

/** Tracking and return labels through the store's shipping provider when configured (EasyPost), else through the default backend. */
export function perStoreShipping(configured: ConfiguredCheck, provider: ShippingPort, fallback: ShippingPort): ShippingPort {
  return {
    getTracking: async (storeId, trackingNumber) => ((await configured(storeId)) ? provider : fallback).getTracking(storeId, trackingNumber),
    createReturnLabel: async (storeId, input, options) => ((await configured(storeId)) ? provider : fallback).createReturnLabel(storeId, input, options),
  };
}
