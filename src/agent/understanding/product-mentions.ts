const words = (text: string) => text.toLowerCase().match(/[a-z]+/g) ?? [];
const singular = (w: string) => w.replace(/(?<=[^s])s$/, '');
// Head nouns too common in other senses to count as naming a product ("my card", "a set").
const AMBIGUOUS = new Set(['card', 'set', 'pack', 'bag', 'one', 'item', 'thing', 'order', 'gift']);

/** The head noun of a product title: "Hiking Wool Socks (3-pack)" → "sock", "Knit Beanie" → "beanie". */
export function headNoun(title: string): string | undefined {
  const w = words(title.replace(/\([^)]*\)/g, ''));
  const head = w.at(-1);
  return head ? singular(head) : undefined;
}

/**
 * Products the message names that are not on the order: each catalog head noun the message uses
 * ("the socks") that none of the order's item titles contains. "the jacket" on an order with a
 * Trail Softshell Jacket is on it; "the socks" on an order of boots is not.
 */
export function productsNotOnOrder(text: string, catalogHeads: ReadonlySet<string>, orderTitles: string[]): string[] {
  const said = new Set(words(text).map(singular));
  const onOrder = new Set(orderTitles.flatMap((t) => words(t).map(singular)));
  return [...catalogHeads].filter((head) => !AMBIGUOUS.has(head) && said.has(head) && !onOrder.has(head));
}
