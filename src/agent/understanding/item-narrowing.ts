import { headNoun } from './product-mentions';

/**
 * The items of a task in progress changed by the shopper ("actually I'll keep the parka, just the
 * boots", "not the lamp", "only the mug"): the items chosen so far, narrowed. Undefined when the
 * message changes nothing or would leave no item (docs/adr/0039).
 */
const LEAVE_OUT = /\b(?:i'?ll keep|i will keep|i'?m keeping|keep(?:ing)?|not|except(?: for)?|without|minus|leave out|drop|remove|skip)\b/g;
const ONLY = /\b(?:just|only)\b/g;
// Where what a lead word governs ends: a sentence end, or the next lead ("…the parka, just the boots").
const BOUNDARY = /[.;!?]|,\s*(?:and\s+)?(?:just|only|but|please|pls)\b|\b(?:but|just|only|keep|not|except|is|are|was|were)\b/;

/** The item heads in the words each lead governs. */
function governed(text: string, lead: RegExp, heads: { id: string; head: string }[]): Set<string> {
  const ids = new Set<string>();
  for (const match of text.matchAll(lead)) {
    const after = text.slice(match.index + match[0].length);
    const end = BOUNDARY.exec(after);
    const clause = end ? after.slice(0, end.index) : after;
    for (const { id, head } of heads) if (new RegExp(`\\b${head}(?:e?s)?\\b`).test(clause)) ids.add(id);
  }
  return ids;
}

export function narrowItems(text: string, items: { id: string; title: string }[], chosen: string[]): string[] | undefined {
  if (chosen.length === 0) return undefined;
  const lower = text.toLowerCase().replace(/[’`]/g, "'");
  const heads = items.map((item) => ({ id: item.id, head: headNoun(item.title) })).filter((i): i is { id: string; head: string } => Boolean(i.head));
  const only = [...governed(lower, ONLY, heads)];
  const out = governed(lower, LEAVE_OUT, heads);
  const next = only.length > 0 ? only.filter((id) => !out.has(id)) : chosen.filter((id) => !out.has(id));
  if (next.length === 0) return undefined;
  const same = next.length === chosen.length && next.every((id) => chosen.includes(id));
  return same ? undefined : next;
}
