import { routeOfIntent } from '../../core/ports/nlu';
import type { ConversationStateType, ConversationUpdate } from '../state';

export const specialistOfRoute = {
  wismo: 'wismo_agent',
  returns: 'returns_agent',
  refunds: 'refunds_agent',
  order_changes: 'order_changes_agent',
  product: 'product_agent',
  general: 'general_agent',
} as const;

/** route: writes the typed route into state; the edge after it only reads it. */
export function routeNode(state: ConversationStateType): ConversationUpdate {
  const route = routeOfIntent[state.intent];
  return { selected_route: route, current_agent: specialistOfRoute[route] };
}
