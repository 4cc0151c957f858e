import type { ShippingPort } from '../../core/ports/commerce';
import { ShopifyError } from './shopify-error';

/**
 * The Shipping port for a Shopify store until a tracking and label provider is configured: tracking
 * comes with the order's fulfilments (carrier, number, URL, status), so a lookup by number finds
 * nothing more; a return label is refused (the agent hands the return to a person) rather than
 * giving a real shopper the demo backend's made-up label.
 */
export function shopifyShipping(): ShippingPort {
  return {
    async getTracking() {
      return undefined;
    },
    async createReturnLabel() {
      throw new ShopifyError('not_found', 'no return-label provider is configured for this Shopify store (Shopify records return labels but does not make them)');
    },
  };
}
