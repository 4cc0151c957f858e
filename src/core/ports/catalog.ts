import type { Address, FinancialStatus, FulfillmentStatus, ReturnStatus, ShipmentStatus } from '../commerce';

/** Commerce facts to load into the built-in demo backend, already in our shapes (money in minor units). */
export interface CatalogRecords {
  customers: { externalId: string; email: string | null; firstName: string | null; lastName: string | null; phone: string | null; createdAt: Date; raw: unknown }[];
  products: {
    externalId: string;
    title: string;
    productType: string;
    tags: string[];
    vendor: string | null;
    bodyHtml: string | null;
    status: string;
    updatedAt: Date;
    raw: unknown;
    variants: { externalId: string; title: string; sku: string | null; priceCents: number; options: (string | null)[]; inventoryQuantity: number }[];
  }[];
  orders: {
    externalId: string;
    name: string;
    email: string | null;
    customerExternalId: string | null;
    financialStatus: FinancialStatus;
    fulfillmentStatus: FulfillmentStatus;
    currency: string;
    subtotalCents: number;
    shippingCents: number;
    totalCents: number;
    refundedCents: number;
    shippingAddress: Address | null;
    cancelledAt: Date | null;
    cancelReason: string | null;
    createdAt: Date;
    updatedAt: Date;
    raw: unknown;
    lineItems: { externalId: string; productExternalId: string | null; variantExternalId: string | null; title: string; variantTitle: string | null; sku: string | null; quantity: number; priceCents: number }[];
    fulfillments: {
      externalId: string;
      status: string;
      shipmentStatus: ShipmentStatus;
      carrier: string | null;
      trackingNumber: string | null;
      trackingUrl: string | null;
      lineItemExternalIds: string[];
      estimatedDeliveryAt: Date | null;
      shippedAt: Date | null;
      deliveredAt: Date | null;
      events: { status: ShipmentStatus; message: string; location: string | null; occurredAt: Date }[];
    }[];
    refunds: { externalId: string; amountCents: number; reason: string | null; lineItems: { lineItemExternalId: string; quantity: number }[]; createdAt: Date }[];
    returns?: { rma: string; status: ReturnStatus; reason: string | null; lineItems: { lineItemExternalId: string; quantity: number }[]; carrier: string | null; trackingNumber: string | null; labelUrl: string | null; createdAt: Date }[];
  }[];
}

export interface CatalogCounts {
  customers: number;
  products: number;
  orders: number;
}

export interface CatalogWriteOptions {
  /** Queue the re-indexing of the store's products in the write's own transaction (when products were written): both commit or neither. */
  reindexProducts?: boolean;
}

export interface CatalogWriteResult extends CatalogCounts {
  /** True when the products' re-indexing job was queued with the write. */
  reindexQueued: boolean;
}

/** Writes catalog records into a store's demo backend: all of them or, on any error, none. Upserts by external id. */
export interface CatalogWriter {
  write(storeId: string, records: CatalogRecords, options?: CatalogWriteOptions): Promise<CatalogWriteResult>;
}

/** Validates a Shopify-shaped catalog payload and loads it (its products' re-indexing queued with it); a malformed element is a 400 naming its index and reason. */
export interface CatalogImporter {
  import(storeId: string, payload: unknown): Promise<CatalogWriteResult>;
}
