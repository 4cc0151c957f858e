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
  /** The shopper's message only acknowledged ("yes sure", "ok"). */
  acknowledged?: boolean;
}

// Said before a reply that would otherwise be the previous one word for word (docs/adr/0039): a
// question asked again says it is still needed, facts told again say they were just told. Each
// list is tried in order and the first not already in the previous reply is used, so a third
// repeat differs from the second.
const ASKED_AGAIN = ['Sorry, I still need this before I can go on.', 'To carry on, I just need this from you:', 'Whenever you are ready:'];
const ASKED_AGAIN_AFTER_YES = ['Great, thanks. Whenever you are ready:', 'Thanks! To carry on, I just need this from you:', 'Sorry, I still need this before I can go on.'];
const TOLD_AGAIN = ['Nothing has changed since my last message:', 'As I mentioned just now:', 'Still the same as a moment ago:'];
const LEADS = [...new Set([...ASKED_AGAIN, ...ASKED_AGAIN_AFTER_YES, ...TOLD_AGAIN])];

/**
 * The last pass over a reply's body (before the sign-off): an upset shopper hears an
 * acknowledgement before the facts (not a cheerful "Happy to help!"), and a reply that would be
 * the previous one again (whatever was said before it) says so instead of being pasted.
 */
export function tidyReply(body: string, context: ReplyContext): string {
  let text = body;
  if (context.upset && !APOLOGISES.test(text.slice(0, 160))) {
    const happy = HAPPY[context.tone];
    text = `${ACKNOWLEDGE[context.tone]} ${text.replace(happy, '')}`;
  }
  if (context.previous !== null && core(stripSignOff(context.previous, context.signOff), context.tone) === core(text, context.tone)) {
    const leads = context.asking ? (context.acknowledged ? ASKED_AGAIN_AFTER_YES : ASKED_AGAIN) : TOLD_AGAIN;
    const lead = leads.find((l) => !context.previous!.includes(l)) ?? leads[0]!;
    text = `${lead} ${withoutLeads(text, context.tone)}`;
  }
  return text;
}

/** What a reply says, without the words around it: a lead for a repeat, an acknowledgement, "Happy to help!". */
function withoutLeads(text: string, tone: Tone): string {
  let rest = text.trim();
  for (let changed = true; changed; ) {
    const before = rest;
    for (const lead of [...LEADS, ...Object.values(ACKNOWLEDGE)]) if (rest.startsWith(lead)) rest = rest.slice(lead.length).trimStart();
    rest = rest.replace(HAPPY[tone], '');
    changed = rest !== before;
  }
  return rest;
}

const core = (text: string, tone: Tone) => withoutLeads(text, tone).replace(/\s+/g, ' ').toLowerCase();

// The previous reply as sent: its sign-off and its sources line are not what it said.
const stripSignOff = (text: string, signOff: string) => (signOff && text.endsWith(signOff) ? text.slice(0, -signOff.length).trimEnd() : text).replace(/\n\nSource: [^\n]*$/, '');

/** "Back to where we were: <the question the task was waiting on>", from the agent's previous reply. */
export function resumeLine(previous: string, signOff: string, tone: Tone): string {
  const question = withoutLeads(stripSignOff(previous, signOff), tone).replace(/^[^.!?]*\b(sorry|apologi[sz]e)\b[^.!?]*[.!?]\s*/i, '');
  return `Back to where we were: ${question}`;
}
