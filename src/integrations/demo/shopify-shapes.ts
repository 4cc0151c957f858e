import { z } from 'zod';

// Shopify Admin REST resource shapes (the fields we read; every other field is kept as is).
const id = z.union([z.number().int(), z.string().min(1)]).transform(String);
// Amounts are bounded so that their cents stay exact integers (1e300 came back as a 500 from the database).
const MAX_AMOUNT = 1e12;
const money = z
  .union([
    z.string().regex(/^-?\d{1,13}(\.\d{1,6})?$/, 'must be a decimal amount such as "49.99"'),
    z.number().finite().min(-MAX_AMOUNT).max(MAX_AMOUNT).transform((v) => v.toFixed(2)),
  ])
  .refine((v) => Math.abs(Number(v)) <= MAX_AMOUNT, 'must be an amount of at most 1,000,000,000,000')
  .transform((v) => String(v));
const date = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO 8601 date');

export const shopifyAddress = z.looseObject({
  name: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  address1: z.string().min(1),
  address2: z.string().nullish(),
  city: z.string().min(1),
  province: z.string().nullish(),
  province_code: z.string().nullish(),
  zip: z.string().min(1),
  country: z.string().nullish(),
  country_code: z.string().nullish(),
  phone: z.string().nullish(),
});

export const shopifyCustomer = z.looseObject({
  id,
  email: z.email().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  phone: z.string().nullish(),
  created_at: date.optional(),
});

export const shopifyVariant = z.looseObject({
  id,
  title: z.string().default('Default Title'),
  sku: z.string().nullish(),
  price: money,
  option1: z.string().nullish(),
  option2: z.string().nullish(),
  option3: z.string().nullish(),
  inventory_quantity: z.number().int().default(0),
});

export const shopifyProduct = z.looseObject({
  id,
  title: z.string().min(1),
  body_html: z.string().nullish(),
  vendor: z.string().nullish(),
  product_type: z.string().default(''),
  tags: z.union([z.string(), z.array(z.string())]).default('').transform((t) => (Array.isArray(t) ? t : t.split(',')).map((s) => s.trim()).filter(Boolean)),
  status: z.string().default('active'),
  updated_at: date.optional(),
  variants: z.array(shopifyVariant).default([]),
});

export const shopifyLineItem = z.looseObject({
  id,
  product_id: id.nullish(),
  variant_id: id.nullish(),
  title: z.string().min(1),
  variant_title: z.string().nullish(),
  sku: z.string().nullish(),
  quantity: z.number().int().positive(),
  price: money,
});

export const shopifyFulfillment = z.looseObject({
  id,
  status: z.string().default('success'),
  shipment_status: z.string().nullish(),
  tracking_company: z.string().nullish(),
  tracking_number: z.string().nullish(),
  tracking_url: z.string().nullish(),
  created_at: date.optional(),
  updated_at: date.optional(),
  /** Shopify's GraphQL `estimatedDeliveryAt`, accepted here too. */
  estimated_delivery_at: date.nullish(),
  line_items: z.array(z.looseObject({ id, quantity: z.number().int().positive().optional() })).default([]),
});

export const shopifyRefund = z.looseObject({
  id,
  created_at: date.optional(),
  note: z.string().nullish(),
  transactions: z.array(z.looseObject({ amount: money, kind: z.string().optional(), status: z.string().optional() })).default([]),
  refund_line_items: z.array(z.looseObject({ line_item_id: id, quantity: z.number().int().positive() })).default([]),
});

export const shopifyOrder = z.looseObject({
  id,
  name: z.string().min(1),
  email: z.email().nullish(),
  customer: z.looseObject({ id }).nullish(),
  financial_status: z.enum(['pending', 'authorized', 'partially_paid', 'paid', 'partially_refunded', 'refunded', 'voided']),
  fulfillment_status: z.enum(['fulfilled', 'partial', 'restocked', 'unfulfilled']).nullish(),
  currency: z.string().regex(/^[A-Z]{3}$/).default('USD'),
  subtotal_price: money.optional(),
  total_price: money,
  total_shipping_price_set: z.looseObject({ shop_money: z.looseObject({ amount: money }) }).optional(),
  cancelled_at: date.nullish(),
  cancel_reason: z.string().nullish(),
  created_at: date.optional(),
  updated_at: date.optional(),
  shipping_address: shopifyAddress.nullish(),
  line_items: z.array(shopifyLineItem).min(1, 'an order needs at least one line item'),
  fulfillments: z.array(shopifyFulfillment).default([]),
  refunds: z.array(shopifyRefund).default([]),
});

export const catalogImport = z.strictObject({
  customers: z.array(shopifyCustomer).max(10_000).default([]),
  products: z.array(shopifyProduct).max(10_000).default([]),
  orders: z.array(shopifyOrder).max(10_000).default([]),
});

export type CatalogImport = z.infer<typeof catalogImport>;
export type ShopifyOrder = z.infer<typeof shopifyOrder>;
export type ShopifyProduct = z.infer<typeof shopifyProduct>;
export type ShopifyCustomer = z.infer<typeof shopifyCustomer>;
export type ShopifyFulfillment = z.infer<typeof shopifyFulfillment>;
