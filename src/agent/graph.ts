import { END, START, StateGraph } from '@langchain/langgraph';
import type { AgentDeps } from './deps';
import { analyzeSentimentNode } from './nodes/analyze-sentiment';
import { buildResponseNode } from './nodes/build-response';
import { checkEscalationNode } from './nodes/check-escalation';
import { classifyNode } from './nodes/classify';
import { fetchContextNode } from './nodes/fetch-context';
import { humanHandoffNode } from './nodes/human-handoff';
import { routeNode } from './nodes/route';
import { nextRequestNode } from './nodes/next-request';
import type { ReplyRenderer } from './prompts/render';
import { afterEscalationCheck, afterContext, toSpecialist } from './routing';
import { guardProviderDown } from './specialists/shared/provider-down';
import { approvalGraph } from './specialists/refunds/approval-graph';
import { generalAgent } from './specialists/general/graph';
import { productAgent } from './specialists/knowledge/graph';
import { orderChangesAgent } from './specialists/order-changes/graph';
import { refundsAgent } from './specialists/refunds/graph';
import { returnsAgent } from './specialists/returns/graph';
import { wismoAgent } from './specialists/wismo/graph';
import { ConversationState } from './state';
import { createTools } from './tools/index';
import { createPromptRenderer } from './prompts/prompt-renderer';
import { phraseWithModel } from './remote/phrase';
import { needsModel, understandWithModel } from './remote/understand';
import type { Understand } from './nodes/classify';
import type { Phrase } from './nodes/build-response';

/** The remote model's two places in the main line, when one is configured and asked for them. */
function modelSteps(deps: AgentDeps) {
  const assist = deps.assist;
  if (!assist) return { understand: undefined, phrase: undefined, prompts: undefined };
  const prompts = createPromptRenderer();
  const ask = { assist, prompts, commerce: deps.commerce };
  const understand: Understand = async (state, run, offline) => (needsModel(state, offline, assist.confidence) ? understandWithModel(ask, state, run, offline) : offline);
  const phrase: Phrase = (state, run, draft, facts) => phraseWithModel(ask, state, run, draft, facts);
  return { understand: assist.uses.has('understanding') ? understand : undefined, phrase: assist.uses.has('phrasing') ? phrase : undefined, prompts };
}

const SPECIALISTS = ['wismo_agent', 'returns_agent', 'refunds_agent', 'order_changes_agent', 'product_agent', 'general_agent'] as const;

/** Wiring only: classify → analyze_sentiment → fetch_context → route → specialist → build_response → check_escalation → human_handoff | next_request (→ classify) | END. */
export function buildConversationGraph(deps: AgentDeps, renderer: ReplyRenderer) {
  const model = modelSteps(deps);
  const tools = createTools(deps, model.prompts);
  const approvals = approvalGraph(tools.actions, deps.settings, deps.now, deps.checkpointer);
  const graph = new StateGraph(ConversationState)
    .addNode('classify', classifyNode(deps.nlu, model.understand))
    .addNode('analyze_sentiment', analyzeSentimentNode)
    .addNode('fetch_context', guardProviderDown(fetchContextNode(deps)))
    .addNode('route', routeNode)
    .addNode('wismo_agent', wismoAgent(tools))
    .addNode('returns_agent', returnsAgent(tools))
    .addNode('refunds_agent', refundsAgent(tools))
    .addNode('order_changes_agent', orderChangesAgent(tools))
    .addNode('product_agent', productAgent(tools))
    .addNode('general_agent', generalAgent(tools))
    .addNode('build_response', buildResponseNode(renderer, model.phrase))
    .addNode('check_escalation', checkEscalationNode)
    .addNode('human_handoff', humanHandoffNode(renderer))
    .addNode('next_request', nextRequestNode)
    .addEdge(START, 'classify')
    .addEdge('classify', 'analyze_sentiment')
    .addEdge('analyze_sentiment', 'fetch_context')
    .addConditionalEdges('fetch_context', afterContext, ['route', 'build_response'])
    .addConditionalEdges('route', toSpecialist, [...SPECIALISTS])
    .addEdge('wismo_agent', 'build_response')
    .addEdge('returns_agent', 'build_response')
    .addEdge('refunds_agent', 'build_response')
    .addEdge('order_changes_agent', 'build_response')
    .addEdge('product_agent', 'build_response')
    .addEdge('general_agent', 'build_response')
    .addEdge('build_response', 'check_escalation')
    .addConditionalEdges('check_escalation', afterEscalationCheck, ['human_handoff', 'next_request', END])
    .addEdge('next_request', 'classify')
    .addEdge('human_handoff', END);
  return { conversation: graph.compile({ checkpointer: deps.checkpointer, name: 'concierge' }), approvals };
}

export type ConversationGraphs = ReturnType<typeof buildConversationGraph>;
