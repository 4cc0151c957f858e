import type { Product } from '../core/commerce';
import type { CommercePort } from '../core/ports/commerce';
import type { KnowledgeService } from './knowledge-base';
import { productDocument } from './product-document';

export interface SyncReport {
  created: number;
  replaced: number;
  unchanged: number;
  removed: number;
}

/** Makes the store's product documents match its catalog: new and changed products re-indexed, deleted ones removed. */
export async function syncProducts(knowledge: KnowledgeService, commerce: CommercePort, storeId: string, currency: string): Promise<SyncReport> {
  const report: SyncReport = { created: 0, replaced: 0, unchanged: 0, removed: 0 };
  const products = await commerce.listProducts(storeId, { limit: 100_000 });
  const live = new Set<string>();
  for (const product of products) {
    const document = productDocument(product, currency);
    live.add(document.source!);
    const { outcome } = await knowledge.ingest(storeId, document, 'product');
    report[outcome] += 1;
  }
  let after: string | undefined;
  for (;;) {
    const page = await knowledge.list(storeId, { kind: 'product', limit: 500, ...(after ? { after } : {}) });
    if (page.length === 0) break;
    for (const document of page) {
      if (!live.has(document.source) && (await knowledge.remove(storeId, document.id))) report.removed += 1;
    }
    after = page[page.length - 1]!.id;
  }
  return report;
}

/**
 * One product changed (a platform's webhook): its document re-indexed, or removed when the product
 * is gone (`product` undefined). Returns what happened to the document.
 */
export async function syncOneProduct(knowledge: KnowledgeService, storeId: string, productId: string, product: Product | undefined, currency: string): Promise<'created' | 'replaced' | 'unchanged' | 'removed' | 'absent'> {
  if (product) return (await knowledge.ingest(storeId, productDocument(product, currency), 'product')).outcome;
  const source = `product:${productId}`;
  let after: string | undefined;
  for (;;) {
    const page = await knowledge.list(storeId, { kind: 'product', limit: 500, ...(after ? { after } : {}) });
    if (page.length === 0) return 'absent';
    const found = page.find((document) => document.source === source);
    if (found) return (await knowledge.remove(storeId, found.id)) ? 'removed' : 'absent';
    after = page[page.length - 1]!.id;
  }
}
