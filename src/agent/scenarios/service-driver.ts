import type { ConversationService } from '../runtime/conversation-service';
import type { ObservedTurn } from './check';
import type { ScenarioDriver } from './run';

/** The runner's driver on the conversation service, in process: what a channel would do, without HTTP. */
export function serviceDriver(conversations: ConversationService, storeId: string): ScenarioDriver {
  return {
    async start(shopper) {
      const { conversation } = await conversations.create(storeId, { channel: 'api', ...(shopper ? { customer: { email: shopper.email } } : {}) }, shopper?.loggedIn ?? false);
      return conversation.id;
    },
    async say(conversationId, text): Promise<ObservedTurn> {
      const turn = await conversations.postMessage(storeId, conversationId, text);
      return {
        reply: turn.reply?.content ?? '',
        intent: turn.analysis?.intent ?? null,
        order: turn.dialogue?.focus.order ?? null,
        awaiting: turn.dialogue?.pending?.question ?? null,
        handoff: turn.escalated,
        actions: turn.actions.map((a) => ({ type: a.type, status: a.status, order: typeof a.data.orderName === 'string' ? a.data.orderName : null, data: a.data })),
      };
    },
  };
}
