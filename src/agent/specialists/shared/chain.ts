import { END, START, StateGraph, type LangGraphRunnableConfig } from '@langchain/langgraph';
import { replyChosen } from '../../routing';
import { ConversationState, SpecialistOutput, type ConversationStateType, type ConversationUpdate } from '../../state';
import { guardProviderDown } from './provider-down';

export type Step = (state: ConversationStateType, config: LangGraphRunnableConfig) => ConversationUpdate | Promise<ConversationUpdate>;

/**
 * A specialist as a subgraph of small steps run in order; the first step that chooses a reply
 * (an answer, a question, a refusal) ends the subgraph. Branches are steps that reply or pass.
 */
export function stepChain(steps: [name: string, step: Step][]) {
  const graph = new StateGraph({ stateSchema: ConversationState, output: SpecialistOutput });
  // A provider that cannot be reached, in any step, is answered plainly and handed to a person.
  for (const [name, step] of steps) graph.addNode(name, guardProviderDown(step));
  const names = steps.map(([name]) => name);
  // Typed loosely: LangGraph infers node names from literal chains, which a loop cannot give it.
  const g = graph as unknown as StateGraph<typeof ConversationState.spec, ConversationStateType, ConversationUpdate, string>;
  g.addEdge(START, names[0]!);
  names.forEach((name, index) => {
    const next = names[index + 1];
    if (next) g.addConditionalEdges(name, (state: ConversationStateType) => (replyChosen(state) ? END : next), [END, next]);
    else g.addEdge(name, END);
  });
  // No checkpointer of its own: a specialist finishes within one turn, so its steps need no saved state.
  return g.compile({ checkpointer: false });
}
