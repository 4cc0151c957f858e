/**
 * The shopper takes back what they asked for while the agent waits on it: "actually don't cancel
 * it", "never mind, forget it", "I'll keep it", "scratch that", "leave it as it is". The task in
 * progress is dropped and its pending offer withdrawn, whatever question was waiting (docs/adr/0039).
 * "I changed my mind" alone is not one: it is also a reason for a refund or a return.
 */
const WITHDRAW = [
  /\bnever ?mind\b/,
  /\bforget (it|about it|that|this)\b/,
  /\bdon'?t (bother|worry about it)\b/,
  /\bscratch that\b/,
  /\b(leave|keep) (it|them|the order|my order|everything)( as (it|they) (is|are))?\b(?! (for|to) )/,
  /\bi'?(ll|will|'d| would)( rather)? keep (it|them|the order|my order)\b/,
  /\b(do not|don'?t|dont|no need to|not) (cancel|return|refund|exchange|change|swap|send back)( (it|them|that|this|the order|my order|anything|after all))?\s*(after all)?\s*([.!,]|$)/,
  /\bno need\b(?! to (ship|pay|wait|send))/,
  /\b(cancel|drop) (that|the request|my request)\b/,
];
// Lead-ins before the withdrawal itself: "actually", "oh wait", "sorry", "hmm".
const LEAD_IN = /^(\s*(actually|oh|ok(ay)?|hmm+|um+|wait|sorry|no(?! need)|nah|on second thoughts?|thinking about it|you know what)\b[\s,.!-]*)+/;

export function withdraws(text: string): boolean {
  const cleaned = text.trim().toLowerCase().replace(/[’`]/g, "'");
  if (/\?\s*$/.test(cleaned)) return false;
  const body = cleaned.replace(LEAD_IN, '');
  return WITHDRAW.some((pattern) => pattern.test(body));
}
