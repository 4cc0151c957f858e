import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { runContext, type RunContext } from '../../run-context';
import type { ConversationStateType, ConversationUpdate } from '../../state';
import type { AgentTools } from '../../tools/index';
import { recordToolCall } from '../../tools/tool-calls';
import { toolConfig } from '../../tools/tool-context';
import { readConfirmation } from '../../understanding/confirmation';
import { shippingQuery } from '../../understanding/shipping-question';
import { withoutLeadIn } from '../../understanding/policy-question';
import { reply } from '../shared/reply';

/**
 * Answers from the store's knowledge base with citations; when nothing relevant is found it says
 * so and offers a human — it never guesses a policy or a product fact.
 */
export const answerFromKnowledgeStep = (tools: AgentTools, template: string, prefer?: 'product') => async (state: ConversationStateType, config: LangGraphRunnableConfig): Promise<ConversationUpdate> => {
  if (state.awaiting?.kind === 'confirmation' && state.awaiting.action === 'handoff') {
    const answer = readConfirmation(state.input);
    if (answer === true) return reply('handoff/started', {}, null, { requires_escalation: true, escalation_reason: 'knowledge_gap' });
    if (answer === false) return reply('general/thanks', {}, null);
  }
  const run = config?.configurable?.run as RunContext | undefined;
  // "oh and how long…": the lead-in words are not searched for.
  const question = withoutLeadIn(state.input);
  const result = await recordToolCall(run, tools.searchKnowledgeBase.name, () => tools.searchKnowledgeBase.invoke({ query: state.intent === 'shipping_info' || state.intent === 'policy_question' ? shippingQuery(question) : question, ...(prefer ? { prefer } : {}) }, toolConfig(state.store_id)));
  if (!result.found) {
    // A second question we have no article for says so ("either"), not the first answer again.
    return reply('knowledge/not_found', { again: state.unresolved_turns > 0 }, { kind: 'confirmation', action: 'handoff' }, { unresolved_turns: state.unresolved_turns + 1 });
  }
  const vars = { answer: result.answer, title: result.title ?? '', kind: result.kind ?? '' };
  if (result.confident === false) {
    // Probably the right passage, but not clearly: quote it and keep the way to a human open.
    return reply('knowledge/uncertain', vars, { kind: 'confirmation', action: 'handoff' }, { agent_outputs: { citations: result.citations, resolved: false }, unresolved_turns: 0 });
  }
  // With a remote model: an answer written from the passages, citing them; the quoted answer stays when it is refused.
  const written = tools.writeAnswer ? await tools.writeAnswer(state, runContext(config), result) : null;
  if (written) return reply('knowledge/written', { answer: written.text }, null, { agent_outputs: { citations: written.citations, resolved: true, written: true }, unresolved_turns: 0 });
  return reply(template, vars, null, { agent_outputs: { citations: result.citations, resolved: true }, unresolved_turns: 0 });
};
