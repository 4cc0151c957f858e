import type { refundReasons } from '../../core/settings';
import { DAMAGE } from './damage';

type RefundReason = (typeof refundReasons)[number];

const CUES: [RefundReason, RegExp][] = [
  // Damage first: "it arrived chipped" is an item in hand, never a parcel that did not come.
  ['damaged', DAMAGE],
  ['defective', /\b(defective|faulty|doesn'?t work|does not work|not working|stopped working|won'?t (turn on|work|charge)|malfunction\w*|dead on arrival|broken zipper|falls apart|fell apart|came apart|coming apart|peel(s|ed|ing)? (off|away)|(sole|heel|strap|handle|seam)s? (is |are |has |have )?(already )?(coming|came|come|peeling|peeled|fell|falling) (off|apart|away|undone)|unravel\w*|fray(ed|ing)|stopped charging)\b/i],
  ['not_received', /\b(never (came|arrived|got|received)|not (received|arrived|delivered)|didn'?t (get|receive|arrive|come)|(?<!\b(refund|money|credit)\s+(still\s+)?)hasn'?t (arrived|come|shown up|turned up)|(has|have|did) not (arrived|come|shown up|turned up)|haven'?t (received|got)|missing|lost|stolen|no package|never (showed|turned) up|never showed)\b/i],
  ['wrong_item', /\b(wrong (item|size|colou?r|product|one|thing|order)|not what i ordered|sent me the wrong|different (item|product))\b/i],
  ['not_as_described', /\b(not as (described|pictured|advertised)|looks nothing like|misleading|different from the (photo|picture|description))\b/i],
  ['late', /\b(too late|arrived late|took too long|late delivery|missed (the|my) (event|date))\b/i],
  ['changed_mind', /\b(changed? my mind|don'?t (want|need|like) (it|them)|no longer (want|need)|doesn'?t fit|too (big|small|tight|loose)|didn'?t like|not for me|ordered by mistake)\b/i],
];

/** The refund reason a message states, or undefined when it states none. */
export function readRefundReason(text: string): RefundReason | undefined {
  return CUES.find(([, cue]) => cue.test(text))?.[0];
}
