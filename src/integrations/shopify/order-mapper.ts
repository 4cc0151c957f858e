import type { Address, Customer, FinancialStatus, Order, OrderSummary, Product, RefundRecord, ReturnRecord, ReturnStatus } from '../../core/commerce';
import { toCents } from '../../core/money';
import { fulfilmentCounts, fulfilmentLineItems, orderFulfilmentStatus, shopifyShipmentStatus } from './fulfillment-semantics';

/** Admin GraphQL shapes the adapter reads (the fields of operations.ts). */
type Money = { shopMoney: { amount: string; currencyCode?: string } } | null | undefined;
type Nodes<T> = { nodes: T[] } | null | undefined;

export interface ShopifyOrderNode {
  id: string;
  name: string;
  email: string | null;
  createdAt: string;
  cancelledAt: string | null;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string | null;
  currencyCode: string;
  customer: { id: string; firstName: string | null; lastName: string | null } | null;
  subtotalPriceSet: Money;
  totalShippingPriceSet: Money;
  totalPriceSet: Money;
  totalRefundedSet: Money;
  shippingAddress: { name: string | null; address1: string | null; address2: string | null; city: string | null; provinceCode: string | null; zip: string | null; countryCodeV2: string | null; phone: string | null } | null;
  lineItems: Nodes<{ id: string; title: string; variantTitle: string | null; sku: string | null; quantity: number; currentQuantity: number; originalUnitPriceSet: Money; product: { id: string; productType: string; tags: string[] } | null }>;
  fulfillments: {
    id: string;
    status: string;
    displayStatus: string | null;
    createdAt: string;
    estimatedDeliveryAt: string | null;
    inTransitAt: string | null;
    deliveredAt: string | null;
    trackingInfo: { company: string | null; number: string | null; url: string | null }[];
    fulfillmentLineItems: Nodes<{ id: string; quantity: number; lineItem: { id: string } }>;
  }[];
  refunds: { id: string; note: string | null; createdAt: string; totalRefundedSet: Money; refundLineItems: Nodes<{ quantity: number; lineItem: { id: string } }> }[];
  returns: Nodes<{ id: string; name: string; status: string; returnLineItems: Nodes<{ quantity?: number; returnReason?: string | null; fulfillmentLineItem?: { lineItem: { id: string } } }> }>;
}

export interface ShopifyProductNode {
  id: string;
  title: string;
  productType: string;
  tags: string[];
  vendor: string | null;
  description: string;
  updatedAt: string;
  variants: Nodes<{ id: string; title: string; sku: string | null; price: string; availableForSale: boolean; selectedOptions: { value: string }[] }>;
}

export interface ShopifyCustomerNode {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
}

const nodes = <T>(connection: Nodes<T>): T[] => connection?.nodes ?? [];
const cents = (money: Money, currency: string) => (money ? toCents(money.shopMoney.amount, currency) : 0);
const date = (value: string | null | undefined) => (value ? new Date(value) : null);

const FINANCIAL: Record<string, FinancialStatus> = {
  PENDING: 'pending',
  AUTHORIZED: 'authorized',
  PAID: 'paid',
  PARTIALLY_PAID: 'partially_paid',
  PARTIALLY_REFUNDED: 'partially_refunded',
  REFUNDED: 'refunded',
  VOIDED: 'voided',
  EXPIRED: 'voided',
};

const RETURN_STATUS: Record<string, ReturnStatus> = { REQUESTED: 'requested', OPEN: 'open', CLOSED: 'closed', DECLINED: 'declined', CANCELED: 'declined' };

export const returnStatusOf = (status: string): ReturnStatus => RETURN_STATUS[status] ?? 'open';

function address(a: ShopifyOrderNode['shippingAddress']): Address | null {
  if (!a || !a.address1) return null;
  return { name: a.name, address1: a.address1, address2: a.address2, city: a.city ?? '', province: a.provinceCode, zip: a.zip ?? '', country: a.countryCodeV2 ?? '', phone: a.phone };
}

function fulfillments(node: ShopifyOrderNode): Order['fulfillments'] {
  const counted = node.fulfillments.filter((f) => fulfilmentCounts(f.status));
  const carried = fulfilmentLineItems(
    { fulfillmentStatus: node.displayFulfillmentStatus, lineItemIds: nodes(node.lineItems).map((li) => li.id) },
    counted.map((f) => ({ listedLineItemIds: nodes(f.fulfillmentLineItems).map((fli) => fli.lineItem.id) })),
  );
  return counted.map((f, index) => {
    const shipmentStatus = f.deliveredAt ? 'delivered' : shopifyShipmentStatus(f.displayStatus);
    const tracking = f.trackingInfo[0];
    const withCarrier = shipmentStatus !== 'pending' && shipmentStatus !== 'label_created';
    return {
      id: f.id,
      status: f.status.toLowerCase(),
      shipmentStatus,
      carrier: tracking?.company ?? null,
      trackingNumber: tracking?.number ?? null,
      trackingUrl: tracking?.url ?? null,
      lineItemIds: carried[index]!,
      estimatedDeliveryAt: date(f.estimatedDeliveryAt),
      shippedAt: date(f.inTransitAt) ?? (withCarrier ? date(f.createdAt) : null),
      deliveredAt: date(f.deliveredAt),
    };
  });
}

function refunds(node: ShopifyOrderNode): RefundRecord[] {
  return node.refunds.map((r) => ({
    id: r.id,
    amountCents: cents(r.totalRefundedSet, node.currencyCode),
    currency: r.totalRefundedSet?.shopMoney.currencyCode ?? node.currencyCode,
    reason: r.note,
    status: 'succeeded',
    lineItems: nodes(r.refundLineItems).map((l) => ({ lineItemId: l.lineItem.id, quantity: l.quantity })),
    createdAt: new Date(r.createdAt),
  }));
}

function returns(node: ShopifyOrderNode): ReturnRecord[] {
  return nodes(node.returns).map((r) => {
    const lines = nodes(r.returnLineItems).filter((l) => l.fulfillmentLineItem);
    return {
      id: r.id,
      rma: r.name,
      status: returnStatusOf(r.status),
      reason: lines[0]?.returnReason?.toLowerCase() ?? null,
      lineItems: lines.map((l) => ({ lineItemId: l.fulfillmentLineItem!.lineItem.id, quantity: l.quantity ?? 1 })),
      carrier: null,
      trackingNumber: null,
      labelUrl: null,
      createdAt: new Date(node.createdAt),
    };
  });
}

/** An Admin GraphQL order → the domain's order (money in minor units, Shopify's fulfilment semantics). */
export function toOrder(node: ShopifyOrderNode): Order {
  const currency = node.currencyCode;
  const lineItems = nodes(node.lineItems);
  return {
    id: node.id,
    name: node.name,
    email: node.email,
    customerId: node.customer?.id ?? null,
    customerName: [node.customer?.firstName, node.customer?.lastName].filter(Boolean).join(' ') || node.shippingAddress?.name || null,
    financialStatus: FINANCIAL[node.displayFinancialStatus ?? ''] ?? 'pending',
    fulfillmentStatus: orderFulfilmentStatus(node.displayFulfillmentStatus),
    currency,
    subtotalCents: cents(node.subtotalPriceSet, currency),
    shippingCents: cents(node.totalShippingPriceSet, currency),
    totalCents: cents(node.totalPriceSet, currency),
    refundedCents: cents(node.totalRefundedSet, currency),
    shippingAddress: address(node.shippingAddress),
    cancelledAt: date(node.cancelledAt),
    createdAt: new Date(node.createdAt),
    lineItems: lineItems.map((li) => ({
      id: li.id,
      productId: li.product?.id ?? null,
      title: li.title,
      variantTitle: li.variantTitle,
      sku: li.sku,
      quantity: li.quantity,
      priceCents: cents(li.originalUnitPriceSet, currency),
      productType: li.product?.productType ?? '',
      tags: li.product?.tags ?? [],
    })),
    fulfillments: fulfillments(node),
    refunds: refunds(node),
    returns: returns(node),
  };
}

export function toOrderSummary(order: Order): OrderSummary {
  return {
    id: order.id,
    name: order.name,
    createdAt: order.createdAt,
    totalCents: order.totalCents,
    currency: order.currency,
    financialStatus: order.financialStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    cancelled: order.cancelledAt !== null,
    itemTitles: order.lineItems.map((li) => li.title),
  };
}

export function toCustomer(node: ShopifyCustomerNode): Customer {
  return { id: node.id, email: node.email, firstName: node.firstName, lastName: node.lastName, phone: node.phone };
}

export function toProduct(node: ShopifyProductNode): Product {
  return {
    id: node.id,
    title: node.title,
    productType: node.productType,
    tags: node.tags,
    vendor: node.vendor,
    description: node.description,
    updatedAt: new Date(node.updatedAt),
    variants: nodes(node.variants).map((v) => ({
      id: v.id,
      title: v.title,
      sku: v.sku,
      priceCents: toCents(v.price),
      available: v.availableForSale,
      options: v.selectedOptions.map((o) => o.value),
    })),
  };
}
