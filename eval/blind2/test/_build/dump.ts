// Prints the demo store's orders (default seed) as a table. Run: node --import tsx eval/blind2/test/_build/dump.ts
import { generateDemoStore } from '../../../../src/integrations/demo/generator/generate-store';

const now = new Date();
const store = generateDemoStore(now);
const stateOf: Record<string, string> = {};
for (const [state, names] of Object.entries(store.index)) for (const n of names) stateOf[n] = state;
const ago = (when: string | Date | null | undefined) => (when ? `${((now.getTime() - new Date(when).getTime()) / 86_400_000).toFixed(1)}d ago` : '-');
for (const o of store.records.orders) {
  const items = o.lineItems.map((l) => `${l.quantity}x ${l.title} [${l.variantTitle}] ${(l.priceCents / 100).toFixed(2)}`).join('; ');
  const shipments = (o.fulfillments ?? [])
    .map((f) => `${f.carrier} ${f.trackingNumber} ${f.shipmentStatus} items=${f.lineItemExternalIds.length} eta=${ago(f.estimatedDeliveryAt)} delivered=${ago(f.deliveredAt)}`)
    .join(' / ');
  const returns = (o.returns ?? []).map((r) => `${r.rma}:${r.status}`).join(',');
  console.log([o.name, stateOf[o.name], o.email, o.shippingAddress?.zip, o.shippingAddress?.city, `total ${(o.totalCents / 100).toFixed(2)} refunded ${(o.refundedCents / 100).toFixed(2)}`, o.financialStatus, `created ${ago(o.createdAt)}`, items, shipments || 'unshipped', returns].join(' | '));
}
