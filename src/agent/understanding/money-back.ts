/**
 * "it never came, I just want my money back", "still hasn't shown up, just refund me": a parcel
 * that did not come, asked as money back, is a refund for non-delivery (the lost-parcel path),
 * not a status question and not "where is my refund" (docs/adr/0035).
 */
const MONEY_BACK = /\b(refund( me| it| the order| my order)?|money back|my money|reimburs\w*|pay me back|give me (a|my) refund)\b/i;
// About a refund already made: "where is my refund", "the refund hasn't shown up".
const ABOUT_A_REFUND = /\b(where('?s| is) (my|the) (refund|money)|refund (still )?(has ?n'?t|has not|did ?n'?t|not|never) (shown|show|appeared|arrived|come|come through|gone through|landed)|(status|update) (of|on) (my|the) refund|when will (i see|i get) (my|the) refund)\b/i;

export function asksMoneyBack(text: string): boolean {
  return MONEY_BACK.test(text) && !ABOUT_A_REFUND.test(text);
}
