import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { resumeLine, tidyReply } from '../dialogue/reply-hygiene';
import { isBareAcknowledgement } from '../understanding/acknowledgement';
import type { ReplyRenderer } from '../prompts/render';
import { runContext, type RunContext } from '../run-context';
import type { ConversationStateType, ConversationUpdate } from '../state';

// A negative reading below this counts as upset without the frustration flag (the NLU reads "I want a refund for order 1236" at -0.63).
const UPSET_SCORE = -0.7;

/** A rewrite of the draft by the remote model, or null to keep the draft. */
export type Phrase = (state: ConversationStateType, run: RunContext, draft: string, facts: Record<string, unknown>) => Promise<string | null>;

/**
 * build_response: renders the chosen reply template in the store's voice; every fact comes from the
 * step's vars. Mid-conversation a greeting is not repeated; an upset shopper is acknowledged before
 * the facts; the reply is remembered so the next turn can tell a repeat.
 */
export const buildResponseNode = (renderer: ReplyRenderer, phrase?: Phrase) => {
  if (!phrase)
    return (state: ConversationStateType, config: LangGraphRunnableConfig): ConversationUpdate => {
      const run = runContext(config);
      return finish(renderer, state, run, draftOf(renderer, state, run));
    };
  return async (state: ConversationStateType, config: LangGraphRunnableConfig): Promise<ConversationUpdate> => {
    const run = runContext(config);
    const draft = draftOf(renderer, state, run);
    const phrased = state.agent_outputs.written ? null : await phrase(state, run, draft, state.agent_outputs.reply?.vars ?? {});
    const usage = run.model ? run.model.inputTokens + run.model.outputTokens : 0;
    return { ...finish(renderer, state, run, phrased ?? draft), tokens_used: state.tokens_used + usage };
  };
};

/** The template's reply in the store's voice, tidied: the floor any rewrite stands on. */
function draftOf(renderer: ReplyRenderer, state: ConversationStateType, run: RunContext): string {
  const { settings, now } = run;
  let chosen = state.agent_outputs.reply ?? { template: 'general/fallback', vars: {} };
  const previous = state.messages.findLast((m) => m.role === 'assistant')?.content ?? null;
  if (chosen.template === 'general/greeting' && previous !== null) chosen = { template: 'general/anything_else', vars: chosen.vars };
  const signOff = settings.brandVoice.signOff.trim();
  const rendered = renderer.render(chosen, { ...settings, brandVoice: { ...settings.brandVoice, signOff: '' } }, now);
  // Acknowledged once, before the first request's facts; not for a plain request the model reads as mildly negative
  // ("I want a refund for order 1236"), nor for a shopper taking a request back ("never mind, forget it").
  const upset = state.turn_replies.length === 0 && !state.withdrawn && (state.frustration || (state.sentiment === 'negative' && state.sentiment_score <= UPSET_SCORE && state.input.length > 25));
  return tidyReply(rendered, { tone: settings.brandVoice.tone, upset, previous, asking: state.awaiting !== null, signOff, acknowledged: isBareAcknowledgement(state.input) });
}

/**
 * Sources, the task picked up again after a side question, the replies to the message's earlier
 * requests before it and a word on the request still queued, the sign-off; the reply is remembered.
 */
function finish(renderer: ReplyRenderer, state: ConversationStateType, run: RunContext, body: string): ConversationUpdate {
  const { settings } = run;
  const signOff = settings.brandVoice.signOff.trim();
  const previous = state.messages.findLast((m) => m.role === 'assistant')?.content ?? null;
  let response = body;
  const citations = state.agent_outputs.citations ?? [];
  if (citations.length > 0) {
    const sources = [...new Map(citations.map((c) => [c.title, c])).values()].map((c) => c.title).join('; ');
    response = `${response}\n\nSource: ${sources}`;
  }
  // A side question answered mid-task: the task picks up where it was, with its question asked again.
  const resume = state.suspended && (previous !== null || state.suspended.sameTurn) ? { awaiting: state.suspended.awaiting, active_intent: state.suspended.intent, suspended: null } : {};
  // Set aside in this turn: its question is the reply just before this one, not asked a second time.
  if (state.suspended && previous !== null && !state.suspended.sameTurn) response = `${response}\n\n${resumeLine(previous, signOff, settings.brandVoice.tone)}`;
  const parts = [...state.turn_replies, response];
  const waiting = 'awaiting' in resume ? resume.awaiting : state.awaiting;
  // The next request waits for the shopper's answer to this one: say so, so it is not taken as dropped.
  const later = waiting && state.queued[0] ? queuedLine(renderer, run, state.queued[0]) : null;
  response = [...parts, ...(later ? [later] : [])].join('\n\n');
  if (signOff) response = `${response}\n\n${signOff}`;
  return { response, turn_replies: parts, messages: [{ role: 'assistant', content: response }], ...resume };
}

/** "Then I'll come back to your other request: …", in the store's voice. */
function queuedLine(renderer: ReplyRenderer, run: RunContext, request: string): string {
  const { settings, now } = run;
  const words = request.length > 90 ? `${request.slice(0, 87).trimEnd()}…` : request;
  return renderer.render({ template: 'general/queued_request', vars: { request: words.replace(/[?.!\s]+$/, '') } }, { ...settings, brandVoice: { ...settings.brandVoice, signOff: '' } }, now);
}
