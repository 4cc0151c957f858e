import type { CommercePort } from '../../core/ports/commerce';

const TTL_MS = 5 * 60_000;
type Options = { all: string[]; inStock: string[] };
const cache = new Map<string, { at: number; options: Promise<Map<string, Options>> }>();
const valuesOf = (variants: { options: string[]; title: string }[]) => [...new Set(variants.flatMap((v) => (v.options.length > 0 ? v.options : [v.title])))];

/**
 * The option values each product of the store is sold in ("7".."12" for a shoe, "Oat", "Slate"
 * for a mug), by lower-cased title, read from the catalog and kept for five minutes. An exchange
 * is checked against them: a size the product does not come in is a question, never recorded.
 * `in_stock`: only the values of variants the store has available (what an exchange can send).
 */
export function productOptions(commerce: CommercePort) {
  return async (storeId: string, title: string, now = Date.now(), which: 'all' | 'in_stock' = 'all'): Promise<string[] | undefined> => {
    let hit = cache.get(storeId);
    if (!hit || now - hit.at >= TTL_MS) {
      const options = commerce
        .listProducts(storeId, { limit: 1000 })
        .then((products) => new Map(products.map((p) => [p.title.toLowerCase(), { all: valuesOf(p.variants), inStock: valuesOf(p.variants.filter((v) => v.available)) }])))
        .catch((error) => {
          cache.delete(storeId);
          throw error;
        });
      hit = { at: now, options };
      cache.set(storeId, hit);
    }
    const options = (await hit.options).get(title.toLowerCase());
    return options ? (which === 'in_stock' ? options.inStock : options.all) : undefined;
  };
}
