import type { ActionFailure } from '../../order-actions/index';
import type { ConversationUpdate } from '../../state';
import { providerDownReply } from './provider-down';
import { reply } from './reply';

/**
 * An action that could not be carried out (the order busy with another request, the provider
 * refusing): the shopper is told a person finishes it, the conversation goes to one, and the turn
 * is stored like any other. The cause stays in the policy context for the operator.
 */
export function actionFailedReply(orderName: string, failure: ActionFailure): ConversationUpdate {
  if (failure.reason === 'provider_unavailable') return providerDownReply(orderName, failure.message);
  return reply('general/action_failed', { order_name: orderName }, null, {
    policy_context: [`${failure.reason}: ${failure.message}`],
    requires_escalation: true,
    escalation_reason: failure.reason === 'busy' ? 'order_busy' : 'action_failed',
  });
}
