import type { FastifyInstance } from 'fastify';
import type { ConversationService } from '../../../agent/runtime/conversation-service';
import type { InboxReader } from '../../../core/ports/inbox';
import type { PubSub } from '../../../core/ports/pubsub';
import { inboxRoute } from './inbox';
import { storeEventsRoute } from './store-events';
import { takeoverRoute } from './takeover';

/** What the human team works from: the inbox, the store's live events, taking a conversation over. */
export function inboxSurface(deps: { inbox: InboxReader; pubsub: PubSub; conversations: ConversationService }) {
  return async (app: FastifyInstance) => {
    await app.register(inboxRoute, deps);
    await app.register(storeEventsRoute, deps);
    await app.register(takeoverRoute, deps);
  };
}
