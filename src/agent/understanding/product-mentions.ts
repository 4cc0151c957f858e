const words = (text: string) => text.toLowerCase().match(/[a-z]+/g) ?? [];
const singular = (w: string) => (w.endsWith('ves') ? `${w.slice(0, -3)}f` : w.endsWith('ies') && w.length > 4 ? `${w.slice(0, -3)}y` : /(sh|ch|x)es$/.test(w) ? w.slice(0, -2) : w.replace(/(?<=[^s])s$/, ''));
// Head nouns too common in other senses to count as naming a product ("my card", "a set").
const AMBIGUOUS = new Set(['card', 'set', 'pack', 'bag', 'one', 'item', 'thing', 'order', 'gift']);

/** The head noun of a product title: "Hiking Wool Socks (3-pack)" → "sock", "Knit Beanie" → "beanie". */
export function headNoun(title: string): string | undefined {
  const w = words(title.replace(/\([^)]*\)/g, ''));
  const head = w.at(-1);
  return head ? singular(head) : undefined;
}

/** The catalog's head nouns the message uses ("the socks" → "sock"), leaving out words with other common senses. */
export function productsMentioned(text: string, catalogHeads: ReadonlySet<string>): string[] {
  const all = words(text).map(singular);
  const said = new Set(all);
  // "the sleeping bag", "a tote bag": a head with other common senses counts when a describing word comes right before it (docs/adr/0039).
  // ("the tote bag" is the tote: a describing word that is itself a product's head names that product.)
  const described = (head: string) => all.some((w, i) => w === head && i > 0 && !NOT_DESCRIBING.has(all[i - 1]!) && !catalogHeads.has(all[i - 1]!));
  return [...catalogHeads].filter((head) => said.has(head) && (!AMBIGUOUS.has(head) || described(head)));
}

// Words before "bag", "card", "set" that do not say which product: "my bag", "the card", "credit card".
const NOT_DESCRIBING = new Set(['the', 'my', 'a', 'an', 'this', 'that', 'your', 'our', 'his', 'her', 'their', 'one', 'same', 'other', 'another', 'whole', 'credit', 'debit', 'bank', 'payment', 'business', 'id', 'sim', 'sd', 'loyalty', 'rewards', 'reward', 'order', 'shopping', 'plastic', 'paper', 'gift']);

/**
 * Of the products the shopper named, those not on the order: a head noun none of the order's item
 * titles contains. "the jacket" on an order with a Trail Softshell Jacket is on it; "the socks" on
 * an order of boots is not.
 */
export function productsNotOnOrder(named: string[], orderTitles: string[]): string[] {
  const onOrder = new Set(orderTitles.flatMap((t) => words(t).map(singular)));
  return named.filter((head) => !onOrder.has(head));
}
