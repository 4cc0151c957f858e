import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { stores } from './stores';

// The built-in demo commerce backend: Shopify-shaped facts kept in our own database.
const money = (name: string) => numeric(name, { precision: 12, scale: 2 });
const storeRef = () => uuid('store_id').notNull().references(() => stores.id, { onDelete: 'cascade' });
const at = (name: string) => timestamp(name, { withTimezone: true });

export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: storeRef(),
    externalId: text('external_id').notNull(),
    email: text('email'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    phone: text('phone'),
    createdAt: at('created_at').notNull().defaultNow(),
    raw: jsonb('raw').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [uniqueIndex('customers_store_external_idx').on(t.storeId, t.externalId), index('customers_store_email_idx').on(t.storeId, t.email)],
);

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: storeRef(),
    externalId: text('external_id').notNull(),
    title: text('title').notNull(),
    productType: text('product_type').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    vendor: text('vendor'),
    bodyHtml: text('body_html'),
    status: text('status').notNull().default('active'),
    updatedAt: at('updated_at').notNull().defaultNow(),
    raw: jsonb('raw').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [uniqueIndex('products_store_external_idx').on(t.storeId, t.externalId)],
);

export const productVariants = pgTable(
  'product_variants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: storeRef(),
    productId: uuid('product_id').notNull().references(() => products.id, { onDelete: 'cascade' }),
    externalId: text('external_id').notNull(),
    title: text('title').notNull(),
    sku: text('sku'),
    price: money('price').notNull(),
    option1: text('option1'),
    option2: text('option2'),
    option3: text('option3'),
    inventoryQuantity: integer('inventory_quantity').notNull().default(0),
  },
  (t) => [uniqueIndex('variants_store_external_idx').on(t.storeId, t.externalId), index('variants_product_idx').on(t.productId)],
);

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: storeRef(),
    externalId: text('external_id').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    financialStatus: text('financial_status').notNull(),
    fulfillmentStatus: text('fulfillment_status'),
    currency: text('currency').notNull(),
    subtotalPrice: money('subtotal_price').notNull(),
    shippingPrice: money('shipping_price').notNull().default('0'),
    totalPrice: money('total_price').notNull(),
    totalRefunded: money('total_refunded').notNull().default('0'),
    shippingAddress: jsonb('shipping_address'),
    cancelledAt: at('cancelled_at'),
    cancelReason: text('cancel_reason'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    raw: jsonb('raw').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    uniqueIndex('orders_store_external_idx').on(t.storeId, t.externalId),
    uniqueIndex('orders_store_name_idx').on(t.storeId, t.name),
    index('orders_store_email_idx').on(t.storeId, t.email),
  ],
);

export const orderLineItems = pgTable(
  'order_line_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: storeRef(),
    orderId: uuid('order_id').notNull().references(() => orders.id, { onDelete: 'cascade' }),
    externalId: text('external_id').notNull(),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'set null' }),
    variantId: uuid('variant_id').references(() => productVariants.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    variantTitle: text('variant_title'),
    sku: text('sku'),
    quantity: integer('quantity').notNull(),
    price: money('price').notNull(),
    productType: text('product_type').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [index('line_items_order_idx').on(t.orderId)],
);

export const fulfillments = pgTable(
  'fulfillments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: storeRef(),
    orderId: uuid('order_id').notNull().references(() => orders.id, { onDelete: 'cascade' }),
    externalId: text('external_id').notNull(),
    status: text('status').notNull(),
    shipmentStatus: text('shipment_status'),
    trackingCompany: text('tracking_company'),
    trackingNumber: text('tracking_number'),
    trackingUrl: text('tracking_url'),
    lineItems: jsonb('line_items').notNull().default(sql`'[]'::jsonb`),
    estimatedDeliveryAt: at('estimated_delivery_at'),
    shippedAt: at('shipped_at'),
    deliveredAt: at('delivered_at'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('fulfillments_order_idx').on(t.orderId), index('fulfillments_tracking_idx').on(t.storeId, t.trackingNumber)],
);

export const trackingEvents = pgTable(
  'tracking_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    storeId: storeRef(),
    fulfillmentId: uuid('fulfillment_id').notNull().references(() => fulfillments.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    message: text('message').notNull(),
    location: text('location'),
    occurredAt: at('occurred_at').notNull(),
  },
  (t) => [index('tracking_events_fulfillment_idx').on(t.fulfillmentId, t.occurredAt)],
);

export const returns = pgTable(
  'returns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: storeRef(),
    orderId: uuid('order_id').notNull().references(() => orders.id, { onDelete: 'cascade' }),
    rma: text('rma').notNull(),
    status: text('status').notNull(),
    reason: text('reason'),
    lineItems: jsonb('line_items').notNull().default(sql`'[]'::jsonb`),
    carrier: text('carrier'),
    trackingNumber: text('tracking_number'),
    labelUrl: text('label_url'),
    idempotencyKey: text('idempotency_key'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    receivedAt: at('received_at'),
  },
  (t) => [
    uniqueIndex('returns_store_rma_idx').on(t.storeId, t.rma),
    uniqueIndex('returns_store_idempotency_idx').on(t.storeId, t.idempotencyKey),
    index('returns_order_idx').on(t.orderId),
  ],
);

export const refunds = pgTable(
  'refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: storeRef(),
    orderId: uuid('order_id').notNull().references(() => orders.id, { onDelete: 'cascade' }),
    externalId: text('external_id'),
    amount: money('amount').notNull(),
    currency: text('currency').notNull(),
    reason: text('reason'),
    status: text('status').notNull(),
    lineItems: jsonb('line_items').notNull().default(sql`'[]'::jsonb`),
    idempotencyKey: text('idempotency_key'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('refunds_store_idempotency_idx').on(t.storeId, t.idempotencyKey), index('refunds_order_idx').on(t.orderId)],
);
