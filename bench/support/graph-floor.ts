// What LangGraph itself costs for the conversation graph's shape on this machine, now: the same
// state, the same seven parent steps and a two-step specialist subgraph, every node doing nothing,
// an in-memory checkpointer. The agent's own figures are read against this floor, since this
// machine's speed varies by up to twofold from day to day.
import { END, MemorySaver, START, StateGraph } from '@langchain/langgraph';
import { ConversationState, SpecialistOutput } from '../../src/agent/state';

const noop = () => ({});

function emptySpecialist() {
  return new StateGraph({ stateSchema: ConversationState, output: SpecialistOutput })
    .addNode('first_step', noop)
    .addNode('second_step', noop)
    .addEdge(START, 'first_step')
    .addEdge('first_step', 'second_step')
    .addEdge('second_step', END)
    .compile({ checkpointer: false });
}

export function emptyConversationGraph() {
  return new StateGraph(ConversationState)
    .addNode('classify', noop)
    .addNode('analyze_sentiment', noop)
    .addNode('fetch_context', noop)
    .addNode('route', noop)
    .addNode('specialist', emptySpecialist())
    .addNode('build_response', noop)
    .addNode('check_escalation', noop)
    .addEdge(START, 'classify')
    .addEdge('classify', 'analyze_sentiment')
    .addEdge('analyze_sentiment', 'fetch_context')
    .addEdge('fetch_context', 'route')
    .addConditionalEdges('route', () => 'specialist', ['specialist'])
    .addEdge('specialist', 'build_response')
    .addEdge('build_response', 'check_escalation')
    .addConditionalEdges('check_escalation', () => END, [END])
    .compile({ checkpointer: new MemorySaver() });
}
