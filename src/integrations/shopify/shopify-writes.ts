import type { Address, Order, ReturnLabel, ReturnRecord } from '../../core/commerce';
import type { ItemQuantity } from '../../core/ports/commerce';
import type { ShopifyTransport } from './admin-transport';
import { JOB, ORDER_CANCEL, ORDER_UPDATE, RETURN_BY_ID, RETURN_CANCEL, RETURN_CREATE, RETURN_REVERSE_ORDERS, REVERSE_DELIVERY_CREATE } from './operations';
import { returnStatusOf, toOrder, type ShopifyOrderNode } from './order-mapper';
import { ShopifyError } from './shopify-error';
import type { ShopifyReads } from './shopify-reads';

type UserError = { field?: string[] | null; message: string };

const refuseOn = (label: string, errors: UserError[] | undefined) => {
  if (errors && errors.length > 0) throw new ShopifyError('user_error', `${label} was refused: ${errors.map((e) => e.message).join('; ')}`);
};

const sameAddress = (a: Address | null, b: Address) =>
  !!a && [a.address1, a.address2 ?? '', a.city, a.province ?? '', a.zip, a.country].join('|').toLowerCase() === [b.address1, b.address2 ?? '', b.city, b.province ?? '', b.zip, b.country].join('|').toLowerCase();

function mailingAddress(address: Address) {
  const [firstName, ...rest] = (address.name ?? '').trim().split(/\s+/);
  return {
    ...(firstName ? { firstName, lastName: rest.join(' ') || null } : {}),
    address1: address.address1,
    address2: address.address2 ?? null,
    city: address.city,
    provinceCode: address.province ?? null,
    zip: address.zip,
    countryCode: address.country,
    phone: address.phone ?? null,
  };
}

// Concierge's return reasons (policy words) → Shopify's ReturnReason enum.
const RETURN_REASON: Record<string, string> = {
  damaged: 'DEFECTIVE',
  defective: 'DEFECTIVE',
  wrong_item: 'WRONG_ITEM',
  not_as_described: 'NOT_AS_DESCRIBED',
  too_small: 'SIZE_TOO_SMALL',
  too_large: 'SIZE_TOO_LARGE',
  doesnt_fit: 'SIZE_TOO_SMALL',
  changed_mind: 'UNWANTED',
  unwanted: 'UNWANTED',
  style: 'STYLE',
  color: 'COLOR',
};
const returnReason = (reason: string) => RETURN_REASON[reason.toLowerCase().replace(/[^a-z]+/g, '_')] ?? 'OTHER';

/** For each item to return, the fulfilment line item that carries it (Shopify returns fulfilled goods, not order lines). */
function fulfilmentLinesFor(node: ShopifyOrderNode, items: ItemQuantity[]) {
  return items.map((item) => {
    const line = node.fulfillments
      .filter((f) => f.status.toUpperCase() === 'SUCCESS')
      .flatMap((f) => f.fulfillmentLineItems?.nodes ?? [])
      .find((fli) => fli.lineItem.id === item.lineItemId && fli.quantity >= item.quantity);
    if (!line) throw new ShopifyError('user_error', 'returnCreate: an item to return has not been fulfilled, so Shopify cannot open a return for it');
    return { fulfillmentLineItemId: line.id, quantity: item.quantity };
  });
}

const POLLS = 20;
const POLL_MS = 250;

/** The order writes, each verified by reading the order back from Shopify. */
export function shopifyWrites(reads: ShopifyReads, sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))) {
  /**
   * The label provider's label and tracking, told to Shopify as the return's reverse delivery, so the
   * team sees them on the return in Shopify's admin. Sent once (not retried when uncertain: a retry
   * could add a second delivery); a failure leaves the return without them in Shopify, and the
   * shopper still has the label, so it is not the shopper's failure.
   */
  async function attachLabel(transport: ShopifyTransport, returnId: string, label: ReturnLabel): Promise<boolean> {
    try {
      const read = await transport.request<{ return: { reverseFulfillmentOrders: { nodes: { id: string }[] } } | null }>(RETURN_REVERSE_ORDERS, { id: returnId }, { label: 'return', retryUncertain: true });
      const reverseOrder = read.return?.reverseFulfillmentOrders.nodes[0];
      if (!reverseOrder) return false;
      // Shopify fetches a label file from a public https address only; our signed links qualify when the gateway is public.
      const labelInput = /^https:\/\//.test(label.labelUrl) ? { fileUrl: label.labelUrl } : null;
      const data = await transport.request<{ reverseDeliveryCreateWithShipping: { reverseDelivery: { id: string } | null; userErrors: UserError[] } }>(
        REVERSE_DELIVERY_CREATE,
        { reverseFulfillmentOrderId: reverseOrder.id, trackingInput: { number: label.trackingNumber }, labelInput },
        { label: 'reverseDeliveryCreateWithShipping' },
      );
      return data.reverseDeliveryCreateWithShipping.userErrors.length === 0 && data.reverseDeliveryCreateWithShipping.reverseDelivery !== null;
    } catch (error) {
      if (error instanceof ShopifyError) return false;
      throw error;
    }
  }

  async function readBack(transport: ShopifyTransport, storeId: string, orderId: string): Promise<ShopifyOrderNode> {
    const node = await reads.freshOrderNode(transport, storeId, orderId);
    if (!node) throw new ShopifyError('not_found', `order ${orderId} is not in the shop`);
    return node;
  }

  async function awaitJob(transport: ShopifyTransport, job: { id: string; done: boolean } | null | undefined): Promise<void> {
    for (let poll = 0; job && !job.done && poll < POLLS; poll += 1) {
      await sleep(POLL_MS);
      job = (await transport.request<{ job: { id: string; done: boolean } | null }>(JOB, { id: job.id }, { label: 'job', retryUncertain: true })).job;
    }
  }

  return {
    /** orderCancel is asynchronous: the job is polled, then the order read back. Undo: none. */
    async cancelOrder(transport: ShopifyTransport, storeId: string, orderId: string, reason: string): Promise<Order> {
      if ((await readBack(transport, storeId, orderId)).cancelledAt) return toOrder(await readBack(transport, storeId, orderId));
      try {
        const data = await transport.request<{ orderCancel: { job: { id: string; done: boolean } | null; orderCancelUserErrors: UserError[] } }>(
          ORDER_CANCEL,
          { orderId, reason: 'CUSTOMER', staffNote: `Cancelled by Concierge (${reason})`.slice(0, 255) },
          { label: 'orderCancel' },
        );
        refuseOn('orderCancel', data.orderCancel.orderCancelUserErrors);
        await awaitJob(transport, data.orderCancel.job);
      } catch (error) {
        // A timeout may hide a cancellation that took: the read-back below decides.
        if (!(error instanceof ShopifyError && error.uncertain)) throw error;
      }
      const after = await readBack(transport, storeId, orderId);
      if (!after.cancelledAt) throw new ShopifyError('not_applied', 'orderCancel: the order read back is not cancelled');
      return toOrder(after);
    },

    /** orderUpdate with the new address (idempotent by value, so retried after a timeout), then read back. */
    async updateShippingAddress(transport: ShopifyTransport, storeId: string, orderId: string, address: Address): Promise<{ order: Order; previous: Address | null }> {
      const previous = toOrder(await readBack(transport, storeId, orderId)).shippingAddress;
      const data = await transport.request<{ orderUpdate: { userErrors: UserError[] } }>(
        ORDER_UPDATE,
        { input: { id: orderId, shippingAddress: mailingAddress(address) } },
        { label: 'orderUpdate', retryUncertain: true },
      );
      refuseOn('orderUpdate', data.orderUpdate.userErrors);
      const order = toOrder(await readBack(transport, storeId, orderId));
      // A silent no-change has been reported on orderUpdate: only the read-back counts.
      if (!sameAddress(order.shippingAddress, address)) throw new ShopifyError('not_applied', 'orderUpdate: the order read back does not ship to the new address');
      return { order, previous };
    },

    /** returnCreate (opened at once: the policy already approved it); a timeout is settled by reading the returns back. Undo: cancelReturn. */
    async createReturn(transport: ShopifyTransport, storeId: string, orderId: string, input: { items: ItemQuantity[]; reason: string; label?: ReturnLabel }): Promise<ReturnRecord> {
      const before = await readBack(transport, storeId, orderId);
      const known = new Set((before.returns?.nodes ?? []).map((r) => r.id));
      const returnLineItems = fulfilmentLinesFor(before, input.items).map((line) => ({ ...line, returnReason: returnReason(input.reason), returnReasonNote: '' }));
      let createdId: string | null = null;
      try {
        const data = await transport.request<{ returnCreate: { return: { id: string } | null; userErrors: UserError[] } }>(
          RETURN_CREATE,
          { returnInput: { orderId, returnLineItems, notifyCustomer: false } },
          { label: 'returnCreate' },
        );
        refuseOn('returnCreate', data.returnCreate.userErrors);
        createdId = data.returnCreate.return?.id ?? null;
      } catch (error) {
        if (!(error instanceof ShopifyError && error.uncertain)) throw error;
      }
      const after = toOrder(await readBack(transport, storeId, orderId));
      const created = after.returns.find((r) => (createdId ? r.id === createdId : !known.has(r.id)));
      if (!created) throw new ShopifyError('not_applied', 'returnCreate: no new return on the order read back');
      if (!input.label) return created;
      await attachLabel(transport, created.id, input.label);
      return { ...created, carrier: input.label.carrier, trackingNumber: input.label.trackingNumber, labelUrl: input.label.labelUrl };
    },

    attachLabel,

    async cancelReturn(transport: ShopifyTransport, returnId: string): Promise<ReturnRecord> {
      const data = await transport.request<{ returnCancel: { userErrors: UserError[] } }>(RETURN_CANCEL, { id: returnId }, { label: 'returnCancel', retryUncertain: true });
      refuseOn('returnCancel', data.returnCancel.userErrors);
      const read = await transport.request<{ return: { id: string; name: string; status: string } | null }>(RETURN_BY_ID, { id: returnId }, { label: 'return', retryUncertain: true });
      if (!read.return) throw new ShopifyError('not_found', 'the return is not in the shop');
      if (returnStatusOf(read.return.status) !== 'declined') throw new ShopifyError('not_applied', 'returnCancel: the return read back is not cancelled');
      return { id: read.return.id, rma: read.return.name, status: 'declined', reason: null, lineItems: [], carrier: null, trackingNumber: null, labelUrl: null, createdAt: new Date() };
    },
  };
}
