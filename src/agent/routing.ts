import type { ConversationStateType } from './state';
import { specialistOfRoute } from './nodes/route';

/** Pure edge functions of state: a resumed checkpoint replays the same way. */
export const toSpecialist = (state: ConversationStateType) => specialistOfRoute[state.selected_route];

export const afterEscalationCheck = (state: ConversationStateType) => (state.requires_escalation ? 'human_handoff' : '__end__');

/** Inside a specialist: stop at the first step that chose a reply (a question or an answer). */
export const replyChosen = (state: ConversationStateType) => state.agent_outputs.reply !== undefined;

/** After fetch_context: on to the route, unless the context could not be fetched and the reply is already chosen (provider down). */
export const afterContext = (state: ConversationStateType) => (replyChosen(state) ? 'build_response' : 'route');
