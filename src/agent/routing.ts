import type { ConversationStateType } from './state';
import { specialistOfRoute } from './nodes/route';
import { isGeneralQuestion } from './understanding/general-question';

/** Pure edge functions of state: a resumed checkpoint replays the same way. */
export const toSpecialist = (state: ConversationStateType) => specialistOfRoute[state.selected_route];

// Requests handled in one turn at most: the rest wait for the next (each pass is eight graph steps).
const REQUESTS_PER_TURN = 2;

/**
 * A human, or the next request of the shopper's message when the current one waits for nothing
 * (docs/adr/0035), or when it is a general question that needs no answer from the shopper first
 * (docs/adr/0039: "where is 1139, and do you ship to canada?" answers Canada while the e-mail is asked).
 */
export const afterEscalationCheck = (state: ConversationStateType) => {
  if (state.requires_escalation) return 'human_handoff';
  const next = state.queued[0];
  if (next !== undefined && state.turn_replies.length < REQUESTS_PER_TURN && (state.awaiting === null || isGeneralQuestion(next))) return 'next_request';
  return '__end__';
};

/** Inside a specialist: stop at the first step that chose a reply (a question or an answer). */
export const replyChosen = (state: ConversationStateType) => state.agent_outputs.reply !== undefined;

/** After fetch_context: on to the route, unless the context could not be fetched and the reply is already chosen (provider down). */
export const afterContext = (state: ConversationStateType) => (replyChosen(state) ? 'build_response' : 'route');
