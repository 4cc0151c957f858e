/**
 * "the slip-ons are too small", "these boots don't fit", "I ordered the wrong size": the item is
 * what was ordered but the size is not right for the shopper, which an exchange for another size
 * settles (or a return). Not the shop's mistake: "you sent the wrong size" is a wrong item
 * (docs/adr/0035).
 */
const FIT = /\b(too (small|big|large|tight|loose|short|long|narrow|wide|snug|baggy)|(does ?n'?t|do ?n'?t|did ?n'?t|doesnt|dont|didnt|won'?t|not|never) fit|run(s|ning)? (small|big|large|narrow)|(ordered|bought|picked|chose|selected|went with) the wrong size|wrong size (for me|i ordered)|need (a |the )?(bigger|smaller|larger|different) (size|one)|size (up|down)|(a|one) size (up|down|bigger|smaller))\b/i;
const SHOP_ERROR = /\b(sent|shipped|gave|packed)( me)? (the |a )?wrong size|(received|got) the wrong size (not|instead)|not the size i ordered|size (i|that i) ordered\b/i;

// A question about sizing before buying ("do they run small?", "what if it doesn't fit?") is a product or policy question.
const ASKING_AHEAD = /^\W*(do|does|are|is|will|would|should|how|what|which)\b|\b(what if|in case|if (it|they|the \w+) (does ?n'?t|do ?n'?t|don'?t|doesnt|dont))\b/i;

export function saysWrongFit(text: string): boolean {
  return FIT.test(text) && !SHOP_ERROR.test(text) && !ASKING_AHEAD.test(text);
}
