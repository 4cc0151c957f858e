const YES = /^(y|ya|yah|yes+|yep|yup|yeah|sure|ok(ay)?|k|please( do)?|do it|go ahead|confirm(ed)?|correct|right|absolutely|definitely|of course|si|sí|oui|ja)\b/i;
const NO = /^(n|no+|nope|nah|don'?t|do not|cancel that|never ?mind|stop|wait|not now|keep it|no thanks)\b/i;

/** Reads a yes/no answer to a confirmation question; undefined when the message is neither. */
export function readConfirmation(text: string): boolean | undefined {
  const cleaned = text.trim().toLowerCase().replace(/^[^a-z]+/, '');
  if (NO.test(cleaned)) return false;
  if (YES.test(cleaned)) return true;
  return undefined;
}
