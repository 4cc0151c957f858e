/**
 * Compact commerce facts the agent and the policy engine see. Adapters (demo, Shopify, Stripe…)
 * translate vendor payloads into these; no vendor type crosses into agent or policy code.
 */
export type FinancialStatus = 'pending' | 'authorized' | 'paid' | 'partially_paid' | 'partially_refunded' | 'refunded' | 'voided';
export type FulfillmentStatus = 'unfulfilled' | 'partial' | 'fulfilled' | 'restocked';

/** Canonical shipment states (see ../shared/reference/integrations.md §6). */
export const shipmentStatuses = [
  'pending',
  'label_created',
  'in_transit',
  'out_for_delivery',
  'pickup_ready',
  'failed_attempt',
  'delivered',
  'returning',
  'exception',
  'stale',
] as const;
export type ShipmentStatus = (typeof shipmentStatuses)[number];

export interface Address {
  name?: string | null;
  address1: string;
  address2?: string | null;
  city: string;
  province?: string | null;
  zip: string;
  country: string;
  phone?: string | null;
}

export interface LineItem {
  id: string;
  productId: string | null;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  quantity: number;
  /** Unit price in minor units. */
  priceCents: number;
  productType: string;
  tags: string[];
}

export interface TrackingEvent {
  status: ShipmentStatus;
  message: string;
  location: string | null;
  occurredAt: Date;
}

export interface Fulfillment {
  id: string;
  status: string;
  shipmentStatus: ShipmentStatus;
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  lineItemIds: string[];
  estimatedDeliveryAt: Date | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
}

export interface RefundRecord {
  id: string;
  amountCents: number;
  currency: string;
  reason: string | null;
  status: 'pending' | 'succeeded' | 'failed';
  lineItems: { lineItemId: string; quantity: number }[];
  createdAt: Date;
}

export type ReturnStatus = 'requested' | 'open' | 'in_transit' | 'received' | 'closed' | 'declined';

export interface ReturnRecord {
  id: string;
  rma: string;
  status: ReturnStatus;
  reason: string | null;
  lineItems: { lineItemId: string; quantity: number }[];
  carrier: string | null;
  trackingNumber: string | null;
  labelUrl: string | null;
  createdAt: Date;
}

export interface Order {
  id: string;
  /** As the shopper knows it, e.g. "#1042". */
  name: string;
  email: string | null;
  customerId: string | null;
  customerName: string | null;
  financialStatus: FinancialStatus;
  fulfillmentStatus: FulfillmentStatus;
  currency: string;
  subtotalCents: number;
  shippingCents: number;
  totalCents: number;
  refundedCents: number;
  shippingAddress: Address | null;
  /** The payment method's fingerprint where the provider gives one (Stripe's card fingerprint): ties one card's orders together for abuse limits. */
  paymentFingerprint?: string | null;
  /** The payment provider's id for the order's payment (a Stripe PaymentIntent `pi_…` or charge `ch_…`) where the commerce backend knows it. */
  paymentReference?: string | null;
  cancelledAt: Date | null;
  createdAt: Date;
  lineItems: LineItem[];
  fulfillments: Fulfillment[];
  refunds: RefundRecord[];
  returns: ReturnRecord[];
}

export interface OrderSummary {
  id: string;
  name: string;
  createdAt: Date;
  totalCents: number;
  currency: string;
  financialStatus: FinancialStatus;
  fulfillmentStatus: FulfillmentStatus;
  cancelled: boolean;
  itemTitles: string[];
}

export interface Customer {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
}

export interface ProductVariant {
  id: string;
  title: string;
  sku: string | null;
  priceCents: number;
  available: boolean;
  options: string[];
}

export interface Product {
  id: string;
  title: string;
  productType: string;
  tags: string[];
  vendor: string | null;
  /** Plain text: adapters strip the platform's HTML. */
  description: string;
  variants: ProductVariant[];
  updatedAt: Date;
}

export interface TrackingInfo {
  carrier: string | null;
  trackingNumber: string;
  trackingUrl: string | null;
  status: ShipmentStatus;
  estimatedDeliveryAt: Date | null;
  deliveredAt: Date | null;
  events: TrackingEvent[];
}

export interface ReturnLabel {
  carrier: string;
  trackingNumber: string;
  labelUrl: string;
}
