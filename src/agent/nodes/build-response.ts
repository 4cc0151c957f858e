import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import type { ReplyRenderer } from '../prompts/render';
import { runContext } from '../run-context';
import type { ConversationStateType, ConversationUpdate } from '../state';

/** build_response: renders the chosen reply template in the store's voice; every fact comes from the step's vars. */
export const buildResponseNode = (renderer: ReplyRenderer) => (state: ConversationStateType, config: LangGraphRunnableConfig): ConversationUpdate => {
  const { settings, now } = runContext(config);
  const chosen = state.agent_outputs.reply ?? { template: 'general/fallback', vars: {} };
  let response = renderer.render(chosen, settings, now);
  const citations = state.agent_outputs.citations ?? [];
  if (citations.length > 0) {
    const sources = [...new Map(citations.map((c) => [c.title, c])).values()].map((c) => c.title).join('; ');
    response = response.replace(/(\n\n[^\n]*)?$/, (signOff) => `\n\nSource: ${sources}${signOff}`);
  }
  return { response };
};
