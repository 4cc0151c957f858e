import type { Order } from '../../core/commerce';
import type { CommercePort, PaymentsPort, ShippingPort } from '../../core/ports/commerce';
import type { OrderLock } from '../../core/ports/order-lock';
import type { OrderRequest, OrderRequestLedger } from '../../core/ports/order-requests';
import type { ShopperHistory } from '../../core/ports/shopper-history';
import type { StoreSettings } from '../../core/settings';
import type { ClaimedShopper } from './shopper-keys';

/** The ports the money path acts through. */
export interface OrderActionDeps {
  commerce: CommercePort;
  payments: PaymentsPort;
  shipping: ShippingPort;
  orderLock: OrderLock;
  orderRequests: OrderRequestLedger;
  shopperHistory: ShopperHistory;
}

/** Who asks, where, and under which settings and clock: the facts of one request that are not the order's. */
export interface RequestContext {
  storeId: string;
  conversationId?: string | null;
  channel?: string | null;
  claimed?: ClaimedShopper;
  settings: StoreSettings;
  now: Date;
  /** Pending requests this turn opened: voided if the turn fails before it is stored (nothing else would point at them). */
  opened?: string[];
  /** Photos the shopper attached for this claim (stored attachment ids): where the store asks for one, no refund is requested without it. */
  evidence?: string[];
}

/** The order as it is inside the critical section, and every request on it. */
export interface LockedOrder {
  order: Order;
  requests: OrderRequest[];
}

/** The ways an action can fail without a decision: the order vanished, it stayed busy, or the provider refused. */
export interface ActionFailure {
  outcome: 'failed';
  reason: 'not_found' | 'busy' | 'provider_error' | 'provider_unavailable';
  message: string;
}
