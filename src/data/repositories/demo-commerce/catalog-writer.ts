import { AppError } from '../../../core/errors';
import { and, eq, inArray } from 'drizzle-orm';
import { toMajor } from '../../../core/money';
import type { CatalogRecords, CatalogWriter } from '../../../core/ports/catalog';
import type { Db } from '../../database';
import { runSqlIn } from '../../jobs/drizzle-run-sql';
import type { RunSql } from '../../jobs/job-table';
import { customers, fulfillments, orderLineItems, orders, productVariants, products, refunds, returns, trackingEvents } from '../../schema/index';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type OrderRecord = CatalogRecords['orders'][number];

async function writeCustomers(tx: Tx, storeId: string, records: CatalogRecords['customers']) {
  for (const c of records) {
    const values = { storeId, externalId: c.externalId, email: c.email?.toLowerCase() ?? null, firstName: c.firstName, lastName: c.lastName, phone: c.phone, createdAt: c.createdAt, raw: c.raw };
    await tx.insert(customers).values(values).onConflictDoUpdate({ target: [customers.storeId, customers.externalId], set: { email: values.email, firstName: c.firstName, lastName: c.lastName, phone: c.phone, raw: c.raw } });
  }
}

async function writeProducts(tx: Tx, storeId: string, records: CatalogRecords['products']) {
  for (const p of records) {
    const set = { title: p.title, productType: p.productType, tags: p.tags, vendor: p.vendor, bodyHtml: p.bodyHtml, status: p.status, updatedAt: p.updatedAt, raw: p.raw };
    const [row] = await tx.insert(products).values({ storeId, externalId: p.externalId, ...set }).onConflictDoUpdate({ target: [products.storeId, products.externalId], set }).returning({ id: products.id });
    for (const v of p.variants) {
      const vset = { productId: row!.id, title: v.title, sku: v.sku, price: toMajor(v.priceCents), option1: v.options[0] ?? null, option2: v.options[1] ?? null, option3: v.options[2] ?? null, inventoryQuantity: v.inventoryQuantity };
      await tx.insert(productVariants).values({ storeId, externalId: v.externalId, ...vset }).onConflictDoUpdate({ target: [productVariants.storeId, productVariants.externalId], set: vset });
    }
  }
}

async function writeOrder(tx: Tx, storeId: string, o: OrderRecord, customerIds: Map<string, string>, productIds: Map<string, { id: string; productType: string; tags: string[] }>, variantIds: Map<string, string>) {
  const set = {
    name: o.name,
    email: o.email?.toLowerCase() ?? null,
    customerId: o.customerExternalId ? (customerIds.get(o.customerExternalId) ?? null) : null,
    financialStatus: o.financialStatus,
    fulfillmentStatus: o.fulfillmentStatus,
    currency: o.currency,
    subtotalPrice: toMajor(o.subtotalCents, o.currency),
    shippingPrice: toMajor(o.shippingCents, o.currency),
    totalPrice: toMajor(o.totalCents, o.currency),
    totalRefunded: toMajor(o.refundedCents, o.currency),
    shippingAddress: o.shippingAddress,
    cancelledAt: o.cancelledAt,
    cancelReason: o.cancelReason,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    raw: o.raw,
  };
  const [row] = await tx.insert(orders).values({ storeId, externalId: o.externalId, ...set }).onConflictDoUpdate({ target: [orders.storeId, orders.externalId], set }).returning({ id: orders.id });
  const orderId = row!.id;
  // Children are replaced wholesale: the import is the source of truth for them.
  await tx.delete(fulfillments).where(and(eq(fulfillments.storeId, storeId), eq(fulfillments.orderId, orderId)));
  await tx.delete(refunds).where(and(eq(refunds.storeId, storeId), eq(refunds.orderId, orderId)));
  await tx.delete(orderLineItems).where(and(eq(orderLineItems.storeId, storeId), eq(orderLineItems.orderId, orderId)));
  const lineIds = new Map<string, string>();
  for (const li of o.lineItems) {
    const product = li.productExternalId ? productIds.get(li.productExternalId) : undefined;
    const [inserted] = await tx
      .insert(orderLineItems)
      .values({
        storeId,
        orderId,
        externalId: li.externalId,
        productId: product?.id ?? null,
        variantId: li.variantExternalId ? (variantIds.get(li.variantExternalId) ?? null) : null,
        title: li.title,
        variantTitle: li.variantTitle,
        sku: li.sku,
        quantity: li.quantity,
        price: toMajor(li.priceCents, o.currency),
        productType: product?.productType ?? '',
        tags: product?.tags ?? [],
      })
      .returning({ id: orderLineItems.id });
    lineIds.set(li.externalId, inserted!.id);
  }
  const lineItemsOf = (items: { lineItemExternalId: string; quantity: number }[]) => items.map((i) => ({ lineItemId: lineIds.get(i.lineItemExternalId) ?? i.lineItemExternalId, quantity: i.quantity }));
  for (const f of o.fulfillments) {
    const [inserted] = await tx
      .insert(fulfillments)
      .values({
        storeId,
        orderId,
        externalId: f.externalId,
        status: f.status,
        shipmentStatus: f.shipmentStatus,
        trackingCompany: f.carrier,
        trackingNumber: f.trackingNumber,
        trackingUrl: f.trackingUrl,
        lineItems: f.lineItemExternalIds.map((id) => lineIds.get(id) ?? id),
        estimatedDeliveryAt: f.estimatedDeliveryAt,
        shippedAt: f.shippedAt,
        deliveredAt: f.deliveredAt,
        createdAt: f.shippedAt ?? o.createdAt,
        updatedAt: f.deliveredAt ?? f.shippedAt ?? o.updatedAt,
      })
      .returning({ id: fulfillments.id });
    if (f.events.length > 0) await tx.insert(trackingEvents).values(f.events.map((e) => ({ storeId, fulfillmentId: inserted!.id, ...e })));
  }
  for (const r of o.refunds) {
    await tx.insert(refunds).values({ storeId, orderId, externalId: r.externalId, amount: toMajor(r.amountCents, o.currency), currency: o.currency, reason: r.reason, status: 'succeeded', lineItems: lineItemsOf(r.lineItems), createdAt: r.createdAt });
  }
  for (const r of o.returns ?? []) {
    const values = { orderId, rma: r.rma, status: r.status, reason: r.reason, lineItems: lineItemsOf(r.lineItems), carrier: r.carrier, trackingNumber: r.trackingNumber, labelUrl: r.labelUrl, createdAt: r.createdAt, updatedAt: r.createdAt };
    await tx.insert(returns).values({ storeId, ...values }).onConflictDoUpdate({ target: [returns.storeId, returns.rma], set: values });
  }
}

/**
 * An order's name ("#1001") is unique in a store: re-importing a name under a new id would break the
 * unique index (a 500 before). Refused as a conflict naming the element, in the payload or in the store.
 */
async function refuseTakenOrderNames(tx: Tx, storeId: string, records: OrderRecord[]): Promise<void> {
  const seen = new Map<string, string>();
  records.forEach((o, i) => {
    const other = seen.get(o.name);
    if (other !== undefined && other !== o.externalId) throw new AppError('conflict', `orders[${i}].name "${o.name}" is also the name of order ${other} in this import`);
    seen.set(o.name, o.externalId);
  });
  if (seen.size === 0) return;
  const taken = await tx.select({ name: orders.name, externalId: orders.externalId }).from(orders).where(and(eq(orders.storeId, storeId), inArray(orders.name, [...seen.keys()])));
  for (const row of taken) {
    if (row.externalId === seen.get(row.name)) continue;
    const index = records.findIndex((o) => o.name === row.name);
    throw new AppError('conflict', `orders[${index}].name "${row.name}" already belongs to order ${row.externalId} in this store`);
  }
}

/** Queues the products' re-indexing inside the write's transaction (the job queue's `enqueueIn`, same database). */
export type QueueReindexIn = (run: RunSql, storeId: string) => Promise<unknown>;

/**
 * The catalog import into the demo tables, in one transaction (a failure writes nothing); with `reindexProducts`
 * the products' re-indexing job is queued in that same transaction, so a crash can never keep the one without the other.
 */
export function catalogWriter(db: Db, queueReindexIn?: QueueReindexIn): CatalogWriter {
  return {
    async write(storeId, records, options = {}) {
      return db.transaction(async (tx) => {
        await writeCustomers(tx, storeId, records.customers);
        await writeProducts(tx, storeId, records.products);
        const customerExternal = [...new Set(records.orders.map((o) => o.customerExternalId).filter((id): id is string => Boolean(id)))];
        const customerIds = new Map(
          customerExternal.length ? (await tx.select({ id: customers.id, externalId: customers.externalId }).from(customers).where(and(eq(customers.storeId, storeId), inArray(customers.externalId, customerExternal)))).map((c) => [c.externalId, c.id]) : [],
        );
        const productRows = await tx.select({ id: products.id, externalId: products.externalId, productType: products.productType, tags: products.tags }).from(products).where(eq(products.storeId, storeId));
        const productIds = new Map(productRows.map((p) => [p.externalId, p]));
        const variantRows = await tx.select({ id: productVariants.id, externalId: productVariants.externalId }).from(productVariants).where(eq(productVariants.storeId, storeId));
        const variantIds = new Map(variantRows.map((v) => [v.externalId, v.id]));
        await refuseTakenOrderNames(tx, storeId, records.orders);
        for (const order of records.orders) await writeOrder(tx, storeId, order, customerIds, productIds, variantIds);
        const reindexQueued = Boolean(options.reindexProducts && queueReindexIn && records.products.length > 0);
        if (reindexQueued) await queueReindexIn!(runSqlIn(tx), storeId);
        return { customers: records.customers.length, products: records.products.length, orders: records.orders.length, reindexQueued };
      });
    },
  };
}
