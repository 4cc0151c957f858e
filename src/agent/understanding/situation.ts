import { DAMAGE } from './damage';

/**
 * What happened to the order, as the shopper tells it. Each situation has its own next step
 * (docs/adr/0024): damaged and defective items are refunded or replaced, a wrong item goes back on
 * a free label, a missing item goes to the team, late and lost parcels get the carrier's status,
 * and a parcel marked delivered that never came gets a claim.
 */
export type Situation = 'damaged' | 'defective' | 'wrong_item' | 'missing_item' | 'late' | 'lost' | 'not_received';

const CUES: [Situation, RegExp][] = [
  ['wrong_item', /\b(wrong (item|size|colou?r|product|one|thing|model|style)|not what i ordered|sent me (the|a) (wrong|different)|(got|received|came) (a |the )?(different|wrong)|ordered \w+ (and )?(got|received) \w+|instead of (the|my|what))\b/i],
  ['missing_item', /\b((was|were|is|are)n'?t in (it|there)|(was|were|is|are)n'?t in (the|my) (box|parcel|package|order|delivery)|(was|were) not in (the|my) (box|parcel|package)|missing from (the|my) (box|parcel|package|order|delivery)|only (got|received|came with)|(box|parcel|package) (was|came) (missing|without)|one (item|thing|of them) (is|was) missing|items? (is|are|was|were) missing|(was|were) in (it|there|the (box|parcel|package))\b[^.!?]*\bbut (no|not (the|my)|without)\b|\b(came|arrived|got|received)\b[^.!?]*\bbut no (sign of )?(the |my )?[a-z]+)\b/i],
  ['damaged', DAMAGE],
  ['defective', /\b(defective|faulty|doesn'?t work|does not work|not working|stopped working|won'?t (turn on|work|charge|switch on|light)|wont (turn on|work|charge)|malfunction\w*|dead on arrival|\bDOA\b|falls apart|fell apart|came apart|zipper (broke|is broken|stuck)|peel(s|ed|ing)? (off|away)|(sole|heel|strap|handle|seam)s? (is |are |has |have )?(already )?(coming|came|come|peeling|peeled|fell|falling) (off|apart|away|undone)|coming apart|unravel\w*|fray(ed|ing)|stopped charging|won'?t (hold|stay) (a )?charge)\b/i],
  ['not_received', /\b(says? (it was |it'?s )?delivered|shows? (as )?delivered|marked (as )?delivered|delivered but|never (came|arrived|got it|received)|not (received|arrived)|didn'?t (get|receive|arrive)|haven'?t (received|got)|(?<!\b(refund|money|credit)\s+(still\s+)?)has ?n'?t (shown|turned) up|never (showed|turned) up|nothing (here|came|arrived))\b/i],
  ['lost', /\b(lost|stolen|disappeared|gone missing|vanished)\b/i],
  ['late', /\b(late|delayed|supposed to (be here|arrive|come)|should have (arrived|come|been here)|still waiting|taking (so|too) long|days ago|overdue)\b/i],
];

export function readSituation(text: string): Situation | undefined {
  return CUES.find(([, cue]) => cue.test(text))?.[0];
}

/** The situations that are about an item the shopper has in hand (not about the parcel's journey). */
export const ITEM_SITUATIONS = new Set<Situation>(['damaged', 'defective', 'wrong_item', 'missing_item']);
