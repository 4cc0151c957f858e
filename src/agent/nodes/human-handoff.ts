import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import type { ReplyRenderer } from '../prompts/render';
import { runContext } from '../run-context';
import type { ConversationStateType, ConversationUpdate } from '../state';
import { handoffSummary } from './handoff-summary';

/**
 * human_handoff: records the reason and a short summary for the human, tells the shopper a person
 * takes over, and stops the agent: the runner moves the conversation to handed_off, and the agent
 * stays silent until it is handed back.
 */
export const humanHandoffNode = (renderer: ReplyRenderer) => (state: ConversationStateType, config: LangGraphRunnableConfig): ConversationUpdate => {
  const { settings, now } = runContext(config);
  const chose = state.agent_outputs.reply?.template;
  const handoffText = renderer.render({ template: 'handoff/started', vars: {} }, { ...settings, brandVoice: { ...settings.brandVoice, signOff: '' } }, now);
  let response = state.response;
  if (chose !== 'handoff/started') {
    // Keep what the step found out (e.g. the carrier's exception), then say who takes over.
    const signOff = settings.brandVoice.signOff.trim();
    const body = signOff && response.endsWith(signOff) ? response.slice(0, -signOff.length).trimEnd() : response;
    response = [body, handoffText, signOff].filter(Boolean).join('\n\n');
  }
  return { response, handoff_summary: handoffSummary(state), awaiting: null, active_intent: null };
};
