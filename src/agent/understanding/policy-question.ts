import type { Entities } from '../../core/ports/nlu';
import { withoutHandles } from '../../text/normalize';

// A question about how things work, not a request about an order: "do I have to pay for return
// shipping?", "in which cases can I ask for a refund?", "how long do refunds take?".
const ASKS = /^(do|does|did|can|could|will|would|is|are|am|how|what|whats|what's|when|which|in which|under what|who|should|if)\b|\?\s*$/i;
const ABOUT_RULES = /\b(polic(y|ies)|return shipping|shipping (cost|fee|time)s?|pay for (the )?(return|shipping)|free (returns?|shipping)|how (long|many days|soon|much)|in (which|what) cases|what cases|when can i|(am i|are you) (allowed|able)|do you (ship|offer|accept|deliver|take)|is there a (fee|charge|cost|restocking)|restocking|warranty|guarantee|time limit|deadline|window|international|ship to|deliver to|take to (show|appear)|show (up )?on my (card|statement))\b/i;
// A request about one's own order reads differently ("can I return my order 1030?", "where is my refund").
const MINE = /\b(my (order|package|parcel|refund|return)|i (want|need|would like|'d like)|please|pls|plz)\b/i;

// "wait,", "oh and", "quick question:" before the question itself.
const LEAD_IN = /^(\s*(wait|hold on|hang on|hmm+|um+|oh|ah|actually|sorry|also|and|but|btw|by the way|quick question|one question|before that|first)\b[\s,:.!-]*)+/i;

// Filler after the question: "do you ship to the uk btw?".
const TRAILING = /[\s,]+(?:btw|by the way|then|too|as well|pls|plz|please|thanks|thx|lol|haha)(?=\W*$)/gi;


/** The question without the words leading into it or trailing it ("oh and how long…", "…btw?", "@shop …"): what the knowledge base is searched with. */
export const withoutLeadIn = (text: string) => {
  let rest = withoutHandles(text).replace(LEAD_IN, '');
  for (let before = ''; before !== rest; ) [before, rest] = [rest, rest.replace(TRAILING, '')];
  rest = rest.trim();
  return /\w/.test(rest) ? rest : text;
};

export function readPolicyQuestion(text: string, entities: Entities): boolean {
  if ((entities.orderNumbers?.length ?? 0) > 0) return false;
  return ASKS.test(withoutHandles(text).replace(LEAD_IN, '').trim()) && ABOUT_RULES.test(text) && !MINE.test(text);
}
