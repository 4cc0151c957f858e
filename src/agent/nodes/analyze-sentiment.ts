import type { ConversationStateType, ConversationUpdate } from '../state';

const CHURN_OR_CHARGEBACK = /\b(charge ?back|dispute|chargeback|bbb|lawyer|sue|never (order|shop|buy)\w* (again|from you)|cancel(l?ing)? my account|report you)\b/i;

/** analyze_sentiment: the shopper's tone (from the NLU pass) and the priority it gives the conversation. */
export function analyzeSentimentNode(state: ConversationStateType): ConversationUpdate {
  let priority: ConversationStateType['priority'] = 'normal';
  if (CHURN_OR_CHARGEBACK.test(state.input)) priority = 'urgent';
  else if (state.frustration || (state.sentiment === 'negative' && state.sentiment_score <= -0.5)) priority = 'high';
  else if (state.sentiment === 'positive' || state.intent === 'greeting') priority = 'low';
  return { priority };
}
