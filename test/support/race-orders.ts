import type { CatalogRecords } from '../../src/core/ports/catalog';

const DAY = 86_400_000;

/** What two conversations race for on one order. */
export type RaceKind = 'refund_same_item' | 'refund_other_item' | 'refund_single_item' | 'cancel' | 'return';
export const raceKinds: RaceKind[] = ['refund_same_item', 'refund_other_item', 'refund_single_item', 'cancel', 'return'];

export const RACE_EMAIL = 'racer@example.com';
export const MUG = { title: 'Enamel Camp Mug', priceCents: 1800 };
export const BEANIE = { title: 'Knit Beanie', priceCents: 2800 };

export interface RaceOrder {
  name: string;
  kind: RaceKind;
  totalCents: number;
}

/**
 * A catalog of small orders of one shopper for racing requests: two-item delivered orders (mug +
 * beanie, $46, under the default auto-approve limit), one-item delivered orders, and unshipped
 * paid orders to cancel. Order numbers start at `first`.
 */
export function raceCatalog(now: Date, kinds: RaceKind[], first = 5001): { records: CatalogRecords; orders: RaceOrder[] } {
  const products = [
    { externalId: 'p-mug', title: MUG.title, productType: 'Home', tags: ['mugs'], price: MUG.priceCents },
    { externalId: 'p-beanie', title: BEANIE.title, productType: 'Accessories', tags: ['hats'], price: BEANIE.priceCents },
  ];
  const records: CatalogRecords = {
    customers: [{ externalId: 'c-racer', email: RACE_EMAIL, firstName: 'Rae', lastName: 'Cer', phone: null, createdAt: new Date(now.getTime() - 100 * DAY), raw: {} }],
    products: products.map((p) => ({
      externalId: p.externalId,
      title: p.title,
      productType: p.productType,
      tags: p.tags,
      vendor: null,
      bodyHtml: null,
      status: 'active',
      updatedAt: now,
      raw: {},
      variants: [{ externalId: `${p.externalId}-v`, title: 'Default', sku: null, priceCents: p.price, options: [], inventoryQuantity: 10 }],
    })),
    orders: [],
  };
  const orders: RaceOrder[] = [];
  kinds.forEach((kind, i) => {
    const number = first + i;
    const items = kind === 'refund_single_item' ? [products[0]!] : [products[0]!, products[1]!];
    const total = items.reduce((sum, p) => sum + p.price, 0);
    const created = new Date(now.getTime() - 6 * DAY);
    const shipped = kind !== 'cancel';
    const lineIds = items.map((p) => `${number}-${p.externalId}`);
    records.orders.push({
      externalId: `race-${number}`,
      name: `#${number}`,
      email: RACE_EMAIL,
      customerExternalId: 'c-racer',
      financialStatus: 'paid',
      fulfillmentStatus: shipped ? 'fulfilled' : 'unfulfilled',
      currency: 'USD',
      subtotalCents: total,
      shippingCents: 0,
      totalCents: total,
      refundedCents: 0,
      shippingAddress: { name: 'Rae Cer', address1: '12 Race Street', city: 'Austin', province: 'TX', zip: '78701', country: 'US' },
      cancelledAt: null,
      cancelReason: null,
      createdAt: created,
      updatedAt: created,
      raw: {},
      lineItems: items.map((p, k) => ({ externalId: lineIds[k]!, productExternalId: p.externalId, variantExternalId: `${p.externalId}-v`, title: p.title, variantTitle: null, sku: null, quantity: 1, priceCents: p.price })),
      fulfillments: shipped
        ? [
            {
              externalId: `f-${number}`,
              status: 'success',
              shipmentStatus: 'delivered',
              carrier: 'UPS',
              trackingNumber: `1ZRACE${number}`,
              trackingUrl: null,
              lineItemExternalIds: lineIds,
              estimatedDeliveryAt: null,
              shippedAt: new Date(created.getTime() + DAY),
              deliveredAt: new Date(now.getTime() - 3 * DAY),
              events: [],
            },
          ]
        : [],
      refunds: [],
      returns: [],
    });
    orders.push({ name: `#${number}`, kind, totalCents: total });
  });
  return { records, orders };
}
