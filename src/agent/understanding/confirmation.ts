import { withdraws } from './withdrawal';

const YES = /^(y|ya|yah|yes+|yep|yup|yeah|sure|ok(ay)?|k|please( do)?|do it|go ahead|confirm(ed)?|correct|right|absolutely|definitely|of course|si|sí|oui|ja)\b/i;
const NO = /^(n|no+|nope|nah|don'?t|do not|cancel that|never ?mind|stop|wait|not now|keep it|no thanks)\b/i;

// After a no: a question means the shopper is asking before deciding.
const QUESTION = /\?|^[\s,.!-]*(how|what|whats|when|where|why|which|can|could|do|does|is|are|will|would)\b/;

// The action said again after a yes ("…then go ahead and cancel it", "…do it", "…please process it").
const RESTATED = /[\s,.!]*(?:\b(?:then|so|sure|please|pls|thanks?)\b[\s,.!]*)*(?:\bgo ahead\b[\s,]*)?(?:\band\b\s*)?(?:\b(?:please|pls)\s+)?(?:\b(?:cancel|return|refund|update|change|process|do|send|start|create|make)\b(?:\s+(?:it|that|them|this|the order|my order|the return|the refund|the change))?)?(?:[\s,.!]*\b(?:please|pls|now|thanks?|thank you)\b)*[\s.!]*$/;

// After the yes: a question or another request ("ok and do you have the large in navy?") makes it no answer.
const MORE = /\?|\b(and|but|also|what|where|when|how|why|which|do you|can you|could you|is there|are there|instead)\b/;

/**
 * Reads a yes/no answer to a confirmation question; undefined when the message is neither, or when
 * a "yes" runs on into a question or another request (that is not a yes to what was offered).
 */
export function readConfirmation(text: string): boolean | undefined {
  // "actually don't cancel it, I'll keep it": the offer is taken back, whatever words come first.
  if (withdraws(text)) return false;
  const cleaned = text.trim().toLowerCase().replace(/^[^a-z]+/, '');
  const no = NO.exec(cleaned);
  // "wait, how many days do I have?" holds the offer while asking: it is no answer, not a no.
  if (no) return QUESTION.test(cleaned.slice(no[0].length)) ? undefined : false;
  const yes = YES.exec(cleaned);
  if (!yes) return undefined;
  // "ok then go ahead and cancel it", "yes please cancel it": the offer said again is still a yes.
  const rest = cleaned.slice(yes[0].length).replace(RESTATED, ' ');
  if (MORE.test(rest) || rest.split(/\s+/).filter(Boolean).length > 8) return undefined;
  return true;
}
