import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { isProviderUnavailable } from '../../../core/provider-unavailable';
import type { ConversationStateType, ConversationUpdate } from '../../state';
import { reply } from './reply';

/**
 * The honest answer when the store's order system, payments or carrier cannot be reached: we say
 * so, and a person takes over (no guess at the order's state).
 */
export function providerDownReply(orderName: string | null, detail: string): ConversationUpdate {
  return reply('general/provider_unavailable', { order_name: orderName }, null, {
    policy_context: [`provider_unavailable: ${detail}`],
    requires_escalation: true,
    escalation_reason: 'provider_unavailable',
  });
}

type Node = (state: ConversationStateType, config: LangGraphRunnableConfig) => ConversationUpdate | Promise<ConversationUpdate>;

/** Wraps a node or step: a ProviderUnavailableError it throws becomes the plain reply and a handoff; any other error goes on up. */
export const guardProviderDown =
  (node: Node): Node =>
  async (state, config) => {
    try {
      return await node(state, config);
    } catch (error) {
      if (!isProviderUnavailable(error)) throw error;
      const orderName = state.order_data?.name ?? (state.slots.orderRef ? `#${state.slots.orderRef}` : null);
      return providerDownReply(orderName, error.message);
    }
  };
