import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { resumeLine, tidyReply } from '../dialogue/reply-hygiene';
import type { ReplyRenderer } from '../prompts/render';
import { runContext } from '../run-context';
import type { ConversationStateType, ConversationUpdate } from '../state';

/**
 * build_response: renders the chosen reply template in the store's voice; every fact comes from the
 * step's vars. Mid-conversation a greeting is not repeated; an upset shopper is acknowledged before
 * the facts; the reply is remembered so the next turn can tell a repeat.
 */
export const buildResponseNode = (renderer: ReplyRenderer) => (state: ConversationStateType, config: LangGraphRunnableConfig): ConversationUpdate => {
  const { settings, now } = runContext(config);
  let chosen = state.agent_outputs.reply ?? { template: 'general/fallback', vars: {} };
  const previous = state.messages.findLast((m) => m.role === 'assistant')?.content ?? null;
  if (chosen.template === 'general/greeting' && previous !== null) chosen = { template: 'general/anything_else', vars: chosen.vars };
  const signOff = settings.brandVoice.signOff.trim();
  const rendered = renderer.render(chosen, { ...settings, brandVoice: { ...settings.brandVoice, signOff: '' } }, now);
  const upset = state.frustration || (state.sentiment === 'negative' && state.input.length > 25);
  let response = tidyReply(rendered, { tone: settings.brandVoice.tone, upset, previous, asking: state.awaiting !== null, signOff });
  const citations = state.agent_outputs.citations ?? [];
  if (citations.length > 0) {
    const sources = [...new Map(citations.map((c) => [c.title, c])).values()].map((c) => c.title).join('; ');
    response = `${response}\n\nSource: ${sources}`;
  }
  // A side question answered mid-task: the task picks up where it was, with its question asked again.
  const resume = state.suspended && previous !== null ? { awaiting: state.suspended.awaiting, active_intent: state.suspended.intent, suspended: null } : {};
  if (state.suspended && previous !== null) response = `${response}\n\n${resumeLine(previous, signOff, settings.brandVoice.tone)}`;
  if (signOff) response = `${response}\n\n${signOff}`;
  return { response, messages: [{ role: 'assistant', content: response }], ...resume };
};
