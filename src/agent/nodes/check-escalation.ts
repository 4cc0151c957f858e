import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { toCents } from '../../core/money';
import { runContext } from '../run-context';
import type { ConversationStateType, ConversationUpdate } from '../state';

/**
 * check_escalation: the store's rules. A step may already have asked for a human (a complaint,
 * a shipment exception, a policy review); otherwise: threats to leave or charge back, frustration
 * left unresolved, repeated misunderstanding, and unhappy owners of high-value orders.
 */
export function decideEscalation(state: ConversationStateType, settings: ReturnType<typeof runContext>['settings']): string | null {
  if (state.requires_escalation) return state.escalation_reason ?? 'requested_by_step';
  if (state.intent === 'human_agent') return 'human_requested';
  if (state.intent === 'complaint') return 'complaint';
  const rules = settings.escalation;
  const resolved = state.agent_outputs.resolved === true;
  const asking = state.awaiting !== null;
  if (state.priority === 'urgent') return 'churn_or_chargeback_threat';
  if (rules.onNegativeSentiment && state.frustration && state.sentiment === 'negative' && !resolved && !asking) return 'negative_sentiment';
  if (state.unresolved_turns >= rules.maxUnresolvedTurns) return 'repeated_unresolved';
  if (state.confidence_score < rules.minConfidence && state.unresolved_turns >= 2) return 'low_confidence';
  const order = state.order_data;
  if (order && state.sentiment === 'negative' && order.totalCents >= toCents(rules.highValueOrderAmount, order.currency) && !resolved && !asking) return 'high_value_order';
  return null;
}

export function checkEscalationNode(state: ConversationStateType, config: LangGraphRunnableConfig): ConversationUpdate {
  const reason = decideEscalation(state, runContext(config).settings);
  return { requires_escalation: reason !== null, escalation_reason: reason };
}
