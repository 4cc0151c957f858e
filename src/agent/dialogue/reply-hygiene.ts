import type { StoreSettings } from '../../core/settings';

type Tone = StoreSettings['brandVoice']['tone'];

// Said before the facts to a shopper who is upset, in the store's tone.
const ACKNOWLEDGE: Record<Tone, string> = {
  friendly: "I'm sorry for the trouble, and I understand the frustration. Let's get this sorted.",
  formal: 'We apologise for the inconvenience, and we understand your frustration.',
  playful: "Oh no, sorry for the hassle! Let's fix this.",
  concise: 'Sorry for the trouble.',
};
const HAPPY: Record<Tone, RegExp> = {
  friendly: /^Happy to help!\s*/,
  formal: /^Certainly\.\s*/,
  playful: /^On it!\s*/,
  concise: /^Sure\.\s*/,
};
const APOLOGISES = /\b(sorry|apologi[sz]e)\b/i;

export interface ReplyContext {
  tone: Tone;
  /** Frustrated or clearly negative this turn. */
  upset: boolean;
  /** The agent's previous reply in this conversation, if any. */
  previous: string | null;
  /** The reply asks the shopper something (the agent waits for an answer). */
  asking: boolean;
  /** The store's sign-off, which the previous reply ended with. */
  signOff: string;
}

/**
 * The last pass over a reply's body (before the sign-off): an upset shopper hears an
 * acknowledgement before the facts (not a cheerful "Happy to help!"), and a question asked again
 * word for word says it is asked again.
 */
export function tidyReply(body: string, context: ReplyContext): string {
  let text = body;
  if (context.upset && !APOLOGISES.test(text.slice(0, 160))) {
    const happy = HAPPY[context.tone];
    text = `${ACKNOWLEDGE[context.tone]} ${text.replace(happy, '')}`;
  }
  if (context.previous !== null && context.asking && stripSignOff(context.previous, context.signOff) === text) {
    text = `Sorry, I still need this before I can go on. ${text.replace(HAPPY[context.tone], '')}`;
  }
  return text;
}

const stripSignOff = (text: string, signOff: string) => (signOff && text.endsWith(signOff) ? text.slice(0, -signOff.length).trimEnd() : text);

/** "Back to where we were: <the question the task was waiting on>", from the agent's previous reply. */
export function resumeLine(previous: string, signOff: string, tone: Tone): string {
  const question = stripSignOff(previous, signOff)
    .replace(/^Sorry, I still need this before I can go on\.\s*/, '')
    .replace(HAPPY[tone], '')
    .replace(/^[^.!?]*\b(sorry|apologi[sz]e)\b[^.!?]*[.!?]\s*/i, '');
  return `Back to where we were: ${question}`;
}
