import type { CommercePort } from '../../core/ports/commerce';
import { headNoun } from '../understanding/product-mentions';

const TTL_MS = 5 * 60_000;
const cache = new Map<string, { at: number; heads: Promise<Set<string>> }>();

/** The store's product head nouns ("sock", "beanie", "parka"), read from its catalog and kept for five minutes. */
export function catalogHeads(commerce: CommercePort, storeId: string, now = Date.now()): Promise<Set<string>> {
  const hit = cache.get(storeId);
  if (hit && now - hit.at < TTL_MS) return hit.heads;
  const heads = commerce
    .listProducts(storeId, { limit: 1000 })
    .then((products) => new Set(products.map((p) => headNoun(p.title)).filter((h): h is string => Boolean(h))))
    .catch((error) => {
      cache.delete(storeId);
      throw error;
    });
  cache.set(storeId, { at: now, heads });
  return heads;
}
