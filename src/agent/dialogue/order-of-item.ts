import type { OrderSummary } from '../../core/commerce';

const words = (text: string) => text.toLowerCase().match(/[a-z]{4,}/g) ?? [];

/**
 * "the beanie I bought is too small", no order number: of the shopper's own orders, those holding
 * an item they named (by its head noun; "the enamel mug" keeps the orders whose mug is the enamel
 * one when some are). One → that order, established by its item; several → the shopper picks among
 * them; none → every order of theirs is listed (docs/adr/0035). Never another order in its stead.
 */
export function ordersHoldingItems(orders: OrderSummary[], heads: string[], text: string): OrderSummary[] {
  if (heads.length === 0) return [];
  const said = new Set(words(text));
  const score = (title: string) => words(title).filter((w) => said.has(w)).length;
  const holding = orders
    .map((o) => ({ order: o, best: Math.max(0, ...o.itemTitles.filter((t) => heads.some((h) => t.toLowerCase().includes(h))).map(score)), holds: o.itemTitles.some((t) => heads.some((h) => t.toLowerCase().includes(h))) }))
    .filter((o) => o.holds);
  const top = Math.max(0, ...holding.map((o) => o.best));
  // More of the item's own words said ("enamel", "stoneware") narrow the orders; a tie keeps them all.
  return holding.filter((o) => o.best === top).map((o) => o.order);
}
