import type { CatalogRecords } from '../../../core/ports/catalog';
import type { CatalogImport } from '../shopify-shapes';
import { toCatalogRecords } from '../to-records';
import { demoProducts } from './catalog';
import { demoPeople } from './people';

/** The states a demo order is generated in; tests find one of each through the index. */
export const demoStates = [
  'unfulfilled',
  'label_created',
  'partially_fulfilled',
  'in_transit',
  'out_for_delivery',
  'pickup_ready',
  'delivered_recent',
  'delivered_old',
  'delayed',
  'failed_attempt',
  'exception',
  'returning',
  'return_in_transit',
  'returned',
  'refunded',
  'partially_refunded',
  'cancelled',
  'high_value',
  'final_sale_delivered',
] as const;
export type DemoState = (typeof demoStates)[number];

// How many orders of each state the 300 are made of.
const MIX: [DemoState, number][] = [
  ['unfulfilled', 25], ['label_created', 6], ['partially_fulfilled', 14], ['in_transit', 40], ['out_for_delivery', 10], ['pickup_ready', 5],
  ['delivered_recent', 70], ['delivered_old', 45], ['delayed', 15], ['failed_attempt', 8], ['exception', 6], ['returning', 3],
  ['return_in_transit', 8], ['returned', 10], ['refunded', 8], ['partially_refunded', 7], ['cancelled', 12], ['high_value', 5], ['final_sale_delivered', 3],
];

const DAY = 86_400_000;
const CARRIERS = ['UPS', 'USPS', 'FedEx', 'DHL'] as const;

function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function trackingNumber(carrier: (typeof CARRIERS)[number], n: number): string {
  const digits = (len: number) => String(n * 7919 + 104729).padStart(len, '0').slice(-len);
  if (carrier === 'UPS') return `1Z999AA1${digits(10)}`;
  if (carrier === 'USPS') return `9400111899${digits(12)}`;
  if (carrier === 'FedEx') return `7${digits(11)}`;
  return `JD0146000${digits(11)}`;
}

export interface DemoStore {
  records: CatalogRecords;
  /** Order names by state, e.g. index.in_transit[0] === "#1042". */
  index: Record<DemoState, string[]>;
  /** Order name → the customer's e-mail and postal code, for tests that verify as the shopper. */
  owners: Record<string, { email: string; zip: string }>;
}

/** A deterministic demo store relative to `now`: ≥ 50 customers, 300 orders over 120 days in every state. */
export function generateDemoStore(now: Date, seed = 20261125): DemoStore {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const people = demoPeople();
  const iso = (ms: number) => new Date(ms).toISOString();
  const index = Object.fromEntries(demoStates.map((s) => [s, [] as string[]])) as Record<DemoState, string[]>;
  const owners: DemoStore['owners'] = {};
  const orders: CatalogImport['orders'] = [];
  const returnsByOrder = new Map<string, NonNullable<CatalogRecords['orders'][number]['returns']>>();
  const states = MIX.flatMap(([state, count]) => Array.from({ length: count }, () => state));
  // Interleave states so order numbers do not reveal them.
  for (let i = states.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [states[i], states[j]] = [states[j]!, states[i]!];
  }
  states.forEach((state, i) => {
    const number = 1001 + i;
    const person = people[i % people.length]!;
    const ageDays = { unfulfilled: 1 + rand() * 2, label_created: 1 + rand(), delivered_old: 40 + rand() * 75, returned: 25 + rand() * 20, return_in_transit: 15 + rand() * 10, final_sale_delivered: 8 + rand() * 5 }[state as string] ?? 4 + rand() * 14;
    const created = now.getTime() - ageDays * DAY;
    const eligible = state === 'final_sale_delivered' ? demoProducts.filter((p) => p.tags.includes('final-sale') || p.type === 'Gift Card') : demoProducts.filter((p) => p.type !== 'Gift Card' && !p.tags.includes('final-sale'));
    const itemCount = state === 'partially_fulfilled' ? 2 : state === 'high_value' ? 3 : 1 + Math.floor(rand() * (rand() < 0.3 ? 3 : 1));
    const chosen = new Map<number, (typeof demoProducts)[number]>();
    while (chosen.size < itemCount) {
      const product = state === 'high_value' ? pick(demoProducts.filter((p) => Number(p.price) >= 139)) : pick(eligible);
      chosen.set(product.id, product);
    }
    const lineItems = [...chosen.values()].map((p, k) => {
      const option = pick(p.options);
      return { id: String(number * 10 + k), product_id: String(p.id), variant_id: `${p.id}-${p.options.indexOf(option)}`, title: p.title, variant_title: option, sku: `${p.id}-${option}`, quantity: state === 'high_value' ? 2 : 1 + (rand() < 0.15 ? 1 : 0), price: p.price };
    });
    const subtotal = lineItems.reduce((sum, li) => sum + Number(li.price) * li.quantity, 0);
    const shipping = subtotal >= 100 ? 0 : 8;
    const total = (subtotal + shipping).toFixed(2);
    const carrier = person.country === 'CA' ? 'Canada Post' : pick(CARRIERS);
    const shipped = created + DAY * (0.6 + rand());
    const fulfillment = (status: string, ids: string[], eta: number | null, updated: number) => ({
      id: String(number * 100 + 1),
      status: 'success',
      shipment_status: status,
      tracking_company: carrier,
      tracking_number: carrier === 'Canada Post' ? `7023${String(number).padStart(12, '0')}` : trackingNumber(carrier as (typeof CARRIERS)[number], number),
      created_at: iso(shipped),
      updated_at: iso(updated),
      estimated_delivery_at: eta === null ? null : iso(eta),
      line_items: ids.map((id) => ({ id })),
    });
    const allIds = lineItems.map((l) => l.id);
    const delivered = Math.min(now.getTime() - DAY * 0.2, shipped + DAY * (2 + rand() * 3));
    let fulfillments: ReturnType<typeof fulfillment>[] = [];
    let financial: CatalogImport['orders'][number]['financial_status'] = 'paid';
    let fulfillmentStatus: 'fulfilled' | 'partial' | null = 'fulfilled';
    let cancelledAt: string | null = null;
    const refunds: CatalogImport['orders'][number]['refunds'] = [];
    switch (state) {
      case 'unfulfilled':
      case 'cancelled':
        fulfillmentStatus = null;
        if (state === 'cancelled') {
          cancelledAt = iso(created + DAY * 0.2);
          financial = 'refunded';
          refunds.push({ id: String(number * 1000 + 1), created_at: cancelledAt, note: 'order cancelled', transactions: [{ amount: total, kind: 'refund', status: 'success' }], refund_line_items: [] });
        }
        break;
      case 'label_created':
        fulfillments = [fulfillment('label_printed', allIds, null, shipped)];
        break;
      case 'partially_fulfilled':
        fulfillmentStatus = 'partial';
        fulfillments = [fulfillment('in_transit', [allIds[0]!], now.getTime() + DAY * 2, shipped)];
        break;
      case 'in_transit':
        fulfillments = [fulfillment('in_transit', allIds, now.getTime() + DAY * (1 + rand() * 4), shipped)];
        break;
      case 'out_for_delivery':
        fulfillments = [fulfillment('out_for_delivery', allIds, now.getTime() + DAY * 0.3, now.getTime() - DAY * 0.1)];
        break;
      case 'pickup_ready':
        fulfillments = [fulfillment('ready_for_pickup', allIds, null, now.getTime() - DAY * 0.5)];
        break;
      case 'delayed':
        fulfillments = [fulfillment('in_transit', allIds, now.getTime() - DAY * (1 + rand() * 4), shipped)];
        break;
      case 'failed_attempt':
        fulfillments = [fulfillment('attempted_delivery', allIds, now.getTime() + DAY, now.getTime() - DAY * 0.3)];
        break;
      case 'exception':
        fulfillments = [fulfillment('failure', allIds, null, now.getTime() - DAY)];
        break;
      case 'returning':
        fulfillments = [fulfillment('returning', allIds, null, now.getTime() - DAY)];
        break;
      default: {
        fulfillments = [fulfillment('delivered', allIds, null, delivered)];
        if (state === 'refunded' || state === 'partially_refunded') {
          const amount = state === 'refunded' ? total : (Number(lineItems[0]!.price) * 0.5).toFixed(2);
          financial = state === 'refunded' ? 'refunded' : 'partially_refunded';
          refunds.push({ id: String(number * 1000 + 2), created_at: iso(Math.min(delivered + DAY * 2, now.getTime() - DAY * 0.1)), note: state === 'refunded' ? 'damaged' : 'partial refund: damaged', transactions: [{ amount, kind: 'refund', status: 'success' }], refund_line_items: [] });
        }
        if (state === 'returned' || state === 'return_in_transit') {
          returnsByOrder.set(`#${number}`, [{ rma: `RMA-${number}-1`, status: state === 'returned' ? 'received' : 'in_transit', reason: 'doesn\'t fit', lineItems: [{ lineItemExternalId: allIds[0]!, quantity: 1 }], carrier: 'UPS', trackingNumber: `1Z9RT${number}0300000001`, labelUrl: `https://labels.demo.concierge.invalid/RMA-${number}-1.pdf`, createdAt: new Date(delivered + DAY * 3) }]);
        }
      }
    }
    orders.push({
      id: String(5_000_000 + number),
      name: `#${number}`,
      email: person.email,
      customer: { id: person.id },
      financial_status: financial,
      fulfillment_status: fulfillmentStatus,
      currency: 'USD',
      subtotal_price: subtotal.toFixed(2),
      total_price: total,
      total_shipping_price_set: { shop_money: { amount: shipping.toFixed(2) } },
      cancelled_at: cancelledAt,
      cancel_reason: cancelledAt ? 'customer' : null,
      created_at: iso(created),
      updated_at: iso(Math.max(created, ...fulfillments.map((f) => Date.parse(f.updated_at)))),
      shipping_address: { name: `${person.firstName} ${person.lastName}`, address1: person.address1, city: person.city, province_code: person.province, zip: person.zip, country_code: person.country, phone: person.phone },
      line_items: lineItems,
      fulfillments,
      refunds,
    } as CatalogImport['orders'][number]);
    index[state].push(`#${number}`);
    owners[`#${number}`] = { email: person.email, zip: person.zip };
  });
  const input: CatalogImport = {
    customers: people.map((p) => ({ id: p.id, email: p.email, first_name: p.firstName, last_name: p.lastName, phone: p.phone, created_at: iso(now.getTime() - 200 * DAY) })),
    products: demoProducts.map((p) => ({
      id: String(p.id),
      title: p.title,
      body_html: `<p>${p.description}</p>`,
      vendor: 'Northwind Outfitters',
      product_type: p.type,
      tags: p.tags,
      status: 'active',
      updated_at: iso(now.getTime() - 30 * DAY),
      variants: p.options.map((option, k) => ({ id: `${p.id}-${k}`, title: option, sku: `${p.id}-${option}`, price: p.price, option1: option, inventory_quantity: (p.id + k) % 7 === 0 ? 0 : 10 + ((p.id * 3 + k) % 40) })),
    })) as CatalogImport['products'],
    orders,
  };
  const records = toCatalogRecords(input, now);
  for (const order of records.orders) {
    const returns = returnsByOrder.get(order.name);
    if (returns) order.returns = returns;
  }
  return { records, index, owners };
}
