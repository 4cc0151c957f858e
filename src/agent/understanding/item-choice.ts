const ORDINALS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, '5th': 5, last: -1 };
const ALL = /\b(all|both|everything|every ?thing|the whole (order|thing)|all of (them|it)|entire order)\b/i;

const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/**
 * Which of the offered items the shopper means: "the second one", "2", "both", "the mug".
 * Returns the chosen ids, or undefined when the answer names none of them.
 */
export function readItemChoice(text: string, options: { id: string; title: string }[]): string[] | undefined {
  if (options.length === 0) return undefined;
  if (ALL.test(text)) return options.map((o) => o.id);
  const chosen = new Set<string>();
  const tokens = words(text);
  for (const token of tokens) {
    const position = ORDINALS[token] ?? (/^\d$/.test(token) ? Number(token) : undefined);
    if (position === undefined) continue;
    const option = position === -1 ? options.at(-1) : options[position - 1];
    if (option) chosen.add(option.id);
  }
  if (chosen.size > 0) return [...chosen];
  // Otherwise match product words ("the mug", "jacket") against the titles.
  const said = new Set(tokens.filter((t) => t.length > 2));
  const scored = options
    .map((option) => ({ option, score: words(option.title).filter((w) => w.length > 2 && (said.has(w) || said.has(`${w}s`) || said.has(w.replace(/s$/, '')))).length }))
    .filter((s) => s.score > 0);
  if (scored.length === 0) return undefined;
  const best = Math.max(...scored.map((s) => s.score));
  return scored.filter((s) => s.score === best).map((s) => s.option.id);
}
