import { headNoun } from './product-mentions';

// A clause that says something did not come: "came without the wallet", "wheres the blanket??",
// "the scarf wasn't there", "no sign of the mug", "still waiting on the tent".
const ABSENT = /\b(without|where'?s|wheres|where (is|are)|missing|not (in|there|included)|(was|were|is|are)n'?t (in|there|included)|no sign of|never (came|arrived|showed)|didn'?t (get|receive|come|arrive|show)|did not (get|receive|come|arrive)|haven'?t (got|gotten|received|seen)|hasn'?t (come|arrived|shown)|still waiting (on|for)|no \w+ in)\b|^\s*no (sign of )?(the |my )?[a-z]+\W*$/i;
const CLAUSE = /[,.;!?]+|\bbut\b|\bonly\b|\bhowever\b|\bthough\b/i;

/** Whether a message says anything did not come (a cheap test before the order is read). */
export const saysSomethingMissing = (text: string) => ABSENT.test(text);

const words = (text: string) => new Set((text.toLowerCase().match(/[a-z]+/g) ?? []).map((w) => w.replace(/(?<=[^s])s$/, '')));

/** "the sleeping bag", "the bag", "the blanket": the item's head noun, or its last two words. */
function saysItem(clause: Set<string>, title: string): boolean {
  const head = headNoun(title);
  return head !== undefined && clause.has(head);
}

/**
 * The order's items a message says did not come, clause by clause: in "order 1015 came without the
 * wallet, only the mug and hoodie were in the box" the wallet, not the mug. Whether they shipped is
 * the order's fulfilments' to say (docs/adr/0032).
 */
export function itemsSaidMissing(text: string, itemTitles: string[]): string[] {
  const clauses = text.split(CLAUSE).filter((clause) => ABSENT.test(clause)).map(words);
  return itemTitles.filter((title) => clauses.some((clause) => saysItem(clause, title)));
}
