/** One shop's data in the local Admin API server: orders, customers, products, and what mutations do to them. */

export interface FakeLineItem { id: string; title: string; variantTitle: string | null; sku: string | null; quantity: number; price: string; productId: string | null }
export interface FakeFulfillment {
  id: string;
  status: string;
  displayStatus: string | null;
  createdAt: string;
  estimatedDeliveryAt: string | null;
  inTransitAt: string | null;
  deliveredAt: string | null;
  tracking: { company: string | null; number: string | null; url: string | null } | null;
  lines: { id: string; lineItemId: string; quantity: number }[];
}
export interface FakeRefund { id: string; note: string | null; createdAt: string; amount: string; lines: { lineItemId: string; quantity: number }[] }
export interface FakeReverseDelivery { id: string; trackingNumber: string | null; trackingUrl: string | null; labelUrl: string | null }
export interface FakeReturn { id: string; name: string; status: string; lines: { id: string; fulfillmentLineItemId: string; quantity: number; returnReason: string }[]; reverseFulfillmentOrderId: string; deliveries: FakeReverseDelivery[] }
export interface FakeOrder {
  id: string;
  name: string;
  email: string | null;
  createdAt: string;
  cancelledAt: string | null;
  financial: string;
  fulfillment: string;
  currencyCode: string;
  customerId: string | null;
  subtotal: string;
  shipping: string;
  total: string;
  refunded: string;
  address: { name: string | null; address1: string; address2: string | null; city: string; provinceCode: string | null; zip: string; countryCodeV2: string; phone: string | null } | null;
  lineItems: FakeLineItem[];
  fulfillments: FakeFulfillment[];
  refunds: FakeRefund[];
  returns: FakeReturn[];
  transactions: { id: string; kind: string; status: string; gateway: string; amount: string }[];
}
export interface FakeCustomer { id: string; email: string | null; firstName: string | null; lastName: string | null; phone: string | null }
export interface FakeProduct { id: string; title: string; productType: string; tags: string[]; vendor: string; description: string; updatedAt: string; status: string; variants: { id: string; title: string; sku: string | null; price: string; availableForSale: boolean; options: string[] }[] }

const money = (amount: string, currencyCode: string) => ({ shopMoney: { amount, currencyCode }, presentmentMoney: { amount, currencyCode } });
const cents = (amount: string) => Math.round(Number(amount) * 100);
const major = (c: number) => (c / 100).toFixed(2);
const connection = <T>(items: T[]) => ({ nodes: items, pageInfo: { hasNextPage: false, endCursor: null } });

let counter = 1000;
export const nextId = (type: string) => `gid://shopify/${type}/${(counter += 1)}`;

/** A shop with its data; `present*` give the GraphQL-shaped objects the schema resolves over. */
export class FakeShop {
  readonly orders = new Map<string, FakeOrder>();
  readonly customers = new Map<string, FakeCustomer>();
  readonly products = new Map<string, FakeProduct>();
  readonly jobs = new Map<string, { done: boolean; apply: () => void }>();
  grantedScopes = ['read_orders', 'write_orders', 'read_customers', 'read_products', 'read_returns', 'write_returns', 'read_fulfillments'];
  /** Faults on write semantics: a mutation that answers success but changes nothing (a "silent no-change"). */
  silentNoop = new Set<string>();

  constructor(readonly domain: string) {}

  presentLineItem(order: FakeOrder, li: FakeLineItem) {
    const product = li.productId ? this.products.get(li.productId) : undefined;
    return {
      ...li,
      currentQuantity: li.quantity,
      originalUnitPriceSet: money(li.price, order.currencyCode),
      product: product ? this.presentProduct(product) : null,
    };
  }

  presentFulfillmentLine(order: FakeOrder, line: FakeFulfillment['lines'][number]) {
    return { id: line.id, quantity: line.quantity, lineItem: this.presentLineItem(order, order.lineItems.find((li) => li.id === line.lineItemId)!) };
  }

  presentReturn(order: FakeOrder, r: FakeReturn) {
    const lines = order.fulfillments.flatMap((f) => f.lines);
    return {
      id: r.id,
      name: r.name,
      status: r.status,
      order: () => this.presentOrder(order),
      returnLineItems: () =>
        connection(r.lines.map((l) => ({ __typename: 'ReturnLineItem', id: l.id, quantity: l.quantity, returnReason: l.returnReason, fulfillmentLineItem: this.presentFulfillmentLine(order, lines.find((x) => x.id === l.fulfillmentLineItemId)!) }))),
      reverseFulfillmentOrders: () => connection([{ id: r.reverseFulfillmentOrderId, reverseDeliveries: () => connection(r.deliveries.map((d) => presentReverseDelivery(d))) }]),
    };
  }

  presentOrder(order: FakeOrder) {
    const customer = order.customerId ? this.customers.get(order.customerId) : undefined;
    return {
      id: order.id,
      name: order.name,
      email: order.email,
      createdAt: order.createdAt,
      cancelledAt: order.cancelledAt,
      displayFinancialStatus: order.financial,
      displayFulfillmentStatus: order.fulfillment,
      currencyCode: order.currencyCode,
      customer: customer ?? null,
      subtotalPriceSet: money(order.subtotal, order.currencyCode),
      totalShippingPriceSet: money(order.shipping, order.currencyCode),
      totalPriceSet: money(order.total, order.currencyCode),
      totalRefundedSet: money(order.refunded, order.currencyCode),
      shippingAddress: order.address,
      lineItems: () => connection(order.lineItems.map((li) => this.presentLineItem(order, li))),
      fulfillments: () =>
        order.fulfillments.map((f) => ({
          ...f,
          trackingInfo: () => (f.tracking ? [f.tracking] : []),
          fulfillmentLineItems: () => connection(f.lines.map((line) => this.presentFulfillmentLine(order, line))),
        })),
      refunds: () =>
        order.refunds.map((r) => ({
          id: r.id,
          note: r.note,
          createdAt: r.createdAt,
          totalRefundedSet: money(r.amount, order.currencyCode),
          refundLineItems: () => connection(r.lines.map((l) => ({ quantity: l.quantity, lineItem: this.presentLineItem(order, order.lineItems.find((li) => li.id === l.lineItemId)!) }))),
        })),
      returns: () => connection(order.returns.map((r) => this.presentReturn(order, r))),
      transactions: () => order.transactions.map((t) => ({ ...t, amountSet: money(t.amount, order.currencyCode) })),
    };
  }

  presentProduct(p: FakeProduct) {
    return { ...p, variants: () => connection(p.variants.map((v) => ({ ...v, selectedOptions: v.options.map((value) => ({ name: 'Option', value })) }))) };
  }

  // --- mutations (what Shopify does; validation errors come back as userErrors) ---

  cancel(orderId: string): { job?: { id: string; done: boolean }; errors: { message: string; code: string }[] } {
    const order = this.orders.get(orderId);
    if (!order) return { errors: [{ message: 'Order does not exist', code: 'NOT_FOUND' }] };
    if (order.cancelledAt) return { errors: [{ message: 'Order has already been cancelled', code: 'ORDER_ALREADY_CANCELLED' }] };
    const id = nextId('Job');
    // Asynchronous, as on Shopify: the order is cancelled when the job runs (here, at its first poll).
    this.jobs.set(id, {
      done: false,
      apply: () => {
        if (this.silentNoop.has('orderCancel')) return;
        order.cancelledAt = new Date().toISOString();
        order.refunded = order.total;
        order.financial = 'REFUNDED';
      },
    });
    return { job: { id, done: false }, errors: [] };
  }

  pollJob(id: string) {
    const job = this.jobs.get(id);
    if (!job) return null;
    if (!job.done) {
      job.apply();
      job.done = true;
    }
    return { id, done: true };
  }

  updateAddress(input: { id: string; shippingAddress?: Record<string, string | null> }): { field: string[]; message: string }[] {
    const order = this.orders.get(input.id);
    if (!order) return [{ field: ['id'], message: 'Order does not exist' }];
    const a = input.shippingAddress;
    if (!a) return [];
    if (!a.address1 || !a.zip) return [{ field: ['shippingAddress'], message: 'Address is incomplete' }];
    if (this.silentNoop.has('orderUpdate')) return [];
    order.address = {
      name: [a.firstName, a.lastName].filter(Boolean).join(' ') || null,
      address1: a.address1,
      address2: a.address2 ?? null,
      city: a.city ?? '',
      provinceCode: a.provinceCode ?? null,
      zip: a.zip,
      countryCodeV2: a.countryCode ?? 'US',
      phone: a.phone ?? null,
    };
    return [];
  }

  refund(input: { orderId: string; note?: string; refundLineItems?: { lineItemId: string; quantity: number }[]; transactions?: { parentId?: string; amount: string }[] }) {
    const order = this.orders.get(input.orderId);
    if (!order) return { errors: [{ field: ['orderId'], message: 'Order does not exist' }] };
    const amount = (input.transactions ?? []).reduce((sum, t) => sum + cents(t.amount), 0);
    const left = cents(order.total) - cents(order.refunded);
    if (amount > left) return { errors: [{ field: ['transactions'], message: `Refund amount exceeds the ${major(left)} available` }] };
    if ((input.transactions ?? []).some((t) => !order.transactions.some((p) => p.id === t.parentId))) return { errors: [{ field: ['transactions', 'parentId'], message: 'Parent transaction not found' }] };
    const refund: FakeRefund = { id: nextId('Refund'), note: input.note ?? null, createdAt: new Date().toISOString(), amount: major(amount), lines: (input.refundLineItems ?? []).map((l) => ({ lineItemId: l.lineItemId, quantity: l.quantity })) };
    order.refunds.push(refund);
    order.refunded = major(cents(order.refunded) + amount);
    order.financial = cents(order.refunded) >= cents(order.total) ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
    return { refund, errors: [] };
  }

  createReturn(input: { orderId: string; returnLineItems: { fulfillmentLineItemId: string; quantity: number; returnReason?: string }[] }) {
    const order = this.orders.get(input.orderId);
    if (!order) return { errors: [{ field: ['orderId'], message: 'Order does not exist' }] };
    const lines = order.fulfillments.flatMap((f) => f.lines);
    for (const item of input.returnLineItems) {
      const line = lines.find((l) => l.id === item.fulfillmentLineItemId);
      if (!line) return { errors: [{ field: ['returnLineItems', 'fulfillmentLineItemId'], message: 'Fulfillment line item does not exist' }] };
      if (item.quantity > line.quantity) return { errors: [{ field: ['returnLineItems', 'quantity'], message: 'Quantity is not returnable' }] };
    }
    const created: FakeReturn = {
      id: nextId('Return'),
      name: `${order.name}-R${order.returns.length + 1}`,
      status: 'OPEN',
      lines: input.returnLineItems.map((l) => ({ id: nextId('ReturnLineItem'), fulfillmentLineItemId: l.fulfillmentLineItemId, quantity: l.quantity, returnReason: l.returnReason ?? 'UNKNOWN' })),
      reverseFulfillmentOrderId: nextId('ReverseFulfillmentOrder'),
      deliveries: [],
    };
    order.returns.push(created);
    return { created, order, errors: [] };
  }

  /** Shopify's rule: a reverse delivery needs a label or tracking, on an open return. */
  createReverseDelivery(input: { reverseFulfillmentOrderId: string; trackingInput?: { number?: string; url?: string } | null; labelInput?: { fileUrl: string } | null }) {
    const found = [...this.orders.values()].flatMap((order) => order.returns.map((ret) => ({ order, ret }))).find((x) => x.ret.reverseFulfillmentOrderId === input.reverseFulfillmentOrderId);
    if (!found) return { errors: [{ field: ['reverseFulfillmentOrderId'], message: 'Reverse fulfillment order does not exist' }] };
    if (!input.trackingInput?.number && !input.labelInput?.fileUrl) return { errors: [{ field: null, message: 'must receive either return_label_file or tracking_info' }] };
    if (found.ret.status !== 'OPEN') return { errors: [{ field: ['reverseFulfillmentOrderId'], message: 'Return is not open' }] };
    const delivery: FakeReverseDelivery = { id: nextId('ReverseDelivery'), trackingNumber: input.trackingInput?.number ?? null, trackingUrl: input.trackingInput?.url ?? null, labelUrl: input.labelInput?.fileUrl ?? null };
    found.ret.deliveries.push(delivery);
    return { delivery, errors: [] };
  }

  findReturn(id: string): { order: FakeOrder; ret: FakeReturn } | undefined {
    for (const order of this.orders.values()) {
      const ret = order.returns.find((r) => r.id === id);
      if (ret) return { order, ret };
    }
    return undefined;
  }
}

export const presentReverseDelivery = (d: FakeReverseDelivery) => ({
  id: d.id,
  deliverable: { __typename: 'ReverseDeliveryShippingDeliverable', tracking: { number: d.trackingNumber, url: d.trackingUrl, carrierName: null }, label: d.labelUrl ? { publicFileUrl: d.labelUrl } : null },
});

/** A paid, fulfilled order with one shipment, a sale transaction and an address: most tests start here. */
export function seedOrder(shop: FakeShop, input: { number: number; email: string; customerId?: string; fulfilment?: Partial<FakeFulfillment> | null; items?: { title: string; price: string; quantity?: number }[] }): FakeOrder {
  const items = (input.items ?? [{ title: 'Merino Beanie', price: '30.00' }]).map((item) => ({
    id: nextId('LineItem'),
    title: item.title,
    variantTitle: null,
    sku: null,
    quantity: item.quantity ?? 1,
    price: item.price,
    productId: null,
  }));
  const subtotal = items.reduce((sum, li) => sum + cents(li.price) * li.quantity, 0);
  const total = subtotal + 500;
  const order: FakeOrder = {
    id: nextId('Order'),
    name: `#${input.number}`,
    email: input.email,
    createdAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    cancelledAt: null,
    financial: 'PAID',
    fulfillment: input.fulfilment === null ? 'UNFULFILLED' : 'FULFILLED',
    currencyCode: 'USD',
    customerId: input.customerId ?? null,
    subtotal: major(subtotal),
    shipping: '5.00',
    total: major(total),
    refunded: '0.00',
    address: { name: 'Ann Lee', address1: '1 Main St', address2: null, city: 'Portland', provinceCode: 'OR', zip: '97201', countryCodeV2: 'US', phone: null },
    lineItems: items,
    fulfillments:
      input.fulfilment === null
        ? []
        : [
            {
              id: nextId('Fulfillment'),
              status: 'SUCCESS',
              displayStatus: 'IN_TRANSIT',
              createdAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
              estimatedDeliveryAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
              inTransitAt: new Date(Date.now() - 86_400_000).toISOString(),
              deliveredAt: null,
              tracking: { company: 'UPS', number: `1Z${input.number}`, url: `https://www.ups.com/track?tracknum=1Z${input.number}` },
              lines: items.map((li) => ({ id: nextId('FulfillmentLineItem'), lineItemId: li.id, quantity: li.quantity })),
              ...input.fulfilment,
            },
          ],
    refunds: [],
    returns: [],
    transactions: [{ id: nextId('OrderTransaction'), kind: 'SALE', status: 'SUCCESS', gateway: 'shopify_payments', amount: major(total) }],
  };
  shop.orders.set(order.id, order);
  return order;
}
