// Words that only acknowledge: "yes please", "ok thanks", "no that's all", "great 👍".
const ACK_WORD = /^(y|ya|yah|yes+|yep|yup|yeah|yea|sure|ok(ay)?|k|kk|alright|right|cool|great|perfect|awesome|nice|good|fine|no+|nope|nah|please|pls|thanks?|thank|you|thx|ty|cheers|much|so|appreciated?|got|it|that'?s|thats|all|for|now|then|sounds|lovely|brilliant|wonderful|excellent|noted|understood)$/;

/**
 * A bare yes, no, ok or thanks: with nothing pending it answers nothing and must never start an
 * action (docs/adr/0032). It carries no request, no order number and no question.
 */
export function isBareAcknowledgement(text: string): boolean {
  if (/\?|\d/.test(text)) return false;
  const words = text.toLowerCase().replace(/[^a-z' ]+/g, ' ').split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= 6 && words.every((w) => ACK_WORD.test(w));
}
