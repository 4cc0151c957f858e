import type { Order } from '../../core/commerce';
import type { CommercePort } from '../../core/ports/commerce';
import type { ShopperRecords } from '../../core/ports/language-model';
import type { Entities } from '../../core/ports/nlu';
import { emptyShopperRecords } from '../../core/ports/language-model';
import type { RunContext } from '../run-context';
import type { ConversationStateType } from '../state';

const add = (list: string[], value: string | null | undefined) => {
  const v = value?.trim();
  if (v && !list.includes(v)) list.push(v);
};

function addOrder(records: ShopperRecords, order: Order): void {
  add(records.orderNumbers, order.name);
  add(records.emails, order.email);
  add(records.names, order.customerName);
  const address = order.shippingAddress;
  if (address) {
    add(records.names, address.name);
    add(records.phones, address.phone);
    add(records.addresses, [address.address1, address.address2, address.zip].filter(Boolean).join(', '));
  }
  for (const f of order.fulfillments) add(records.trackingNumbers, f.trackingNumber);
  for (const r of order.returns) add(records.trackingNumbers, r.trackingNumber);
}

/** One lookup per turn, whichever remote call asks first. */
function once<T>(run: RunContext, key: string, read: () => Promise<T>): Promise<T> {
  run.lookups ??= new Map();
  let found = run.lookups.get(key) as Promise<T> | undefined;
  if (!found) {
    found = read();
    run.lookups.set(key, found);
  }
  return found;
}

/**
 * What the store's records hold about the conversation's shopper: the orders fetched this turn,
 * the order and customer in the conversation's memory, and the customer record and order list
 * behind a known e-mail. The shield replaces all of it before a remote call.
 */
export async function shopperRecords(state: ConversationStateType, run: RunContext, commerce: CommercePort, current: Entities = {}): Promise<ShopperRecords> {
  const records = emptyShopperRecords();
  for (const order of run.orders.values()) addOrder(records, order);
  // The orders this message names, read only to know what to hide (never shown: a token maps back only to text that was sent).
  for (const name of (current.orderNumbers ?? []).slice(0, 3)) {
    const named = await once(run, `order:${name}`, () => commerce.getOrder(state.store_id, name));
    if (named) addOrder(records, named);
  }
  for (const email of current.emails ?? []) add(records.emails, email);
  const view = state.order_data;
  if (view) {
    add(records.orderNumbers, view.name);
    add(records.emails, view.email);
    for (const f of view.fulfillments) add(records.trackingNumbers, f.trackingNumber);
  }
  for (const choice of state.order_choices) add(records.orderNumbers, choice.name);
  for (const name of state.verified_orders) add(records.orderNumbers, name);
  add(records.names, state.customer_data?.name);
  add(records.emails, state.customer_data?.email);
  add(records.emails, state.identity.email);
  add(records.emails, state.slots.email);
  for (const email of state.entities.emails ?? []) add(records.emails, email);
  const email = records.emails[0];
  if (email) {
    const [customer, orders] = await Promise.all([
      once(run, `customer:${email}`, () => commerce.getCustomer(state.store_id, { email })),
      once(run, `orders:${email}`, () => commerce.findOrders(state.store_id, { email, limit: 20 })),
    ]);
    if (customer) {
      add(records.names, [customer.firstName, customer.lastName].filter(Boolean).join(' '));
      add(records.phones, customer.phone);
    }
    for (const order of orders) add(records.orderNumbers, order.name);
    // The address and names on the latest order, when none was fetched this turn.
    const latest = orders[0];
    if (latest && run.orders.size === 0) {
      const order = await once(run, `order:${latest.id}`, () => commerce.getOrder(state.store_id, latest.id));
      if (order) addOrder(records, order);
    }
  }
  return records;
}
