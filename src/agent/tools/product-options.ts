import type { CommercePort } from '../../core/ports/commerce';

const TTL_MS = 5 * 60_000;
const cache = new Map<string, { at: number; options: Promise<Map<string, string[]>> }>();

/**
 * The option values each product of the store is sold in ("7".."12" for a shoe, "Oat", "Slate"
 * for a mug), by lower-cased title, read from the catalog and kept for five minutes. An exchange
 * is checked against them: a size the product does not come in is a question, never recorded.
 */
export function productOptions(commerce: CommercePort) {
  return async (storeId: string, title: string, now = Date.now()): Promise<string[] | undefined> => {
    let hit = cache.get(storeId);
    if (!hit || now - hit.at >= TTL_MS) {
      const options = commerce
        .listProducts(storeId, { limit: 1000 })
        .then((products) => new Map(products.map((p) => [p.title.toLowerCase(), [...new Set(p.variants.flatMap((v) => (v.options.length > 0 ? v.options : [v.title])))]])))
        .catch((error) => {
          cache.delete(storeId);
          throw error;
        });
      hit = { at: now, options };
      cache.set(storeId, hit);
    }
    return (await hit.options).get(title.toLowerCase());
  };
}
