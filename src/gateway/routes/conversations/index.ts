import type { FastifyInstance } from 'fastify';
import type { ActionService } from '../../../agent/runtime/action-service';
import type { ConversationService } from '../../../agent/runtime/conversation-service';
import type { PubSub } from '../../../core/ports/pubsub';
import type { ShopperFeedbackStore } from '../../../core/ports/shopper-feedback';
import type { EvidenceService } from '../../../core/evidence-service';
import { actionRoutes } from '../actions/actions';
import { attachmentRoutes } from './attachments';
import { emailAttachmentRoutes } from './email-attachments';
import type { EmailAttachmentLinks } from '../../../core/email-attachments';
import { conversationEventsRoute } from './conversation-events';
import { createConversationRoute } from './create-conversation';
import { feedbackRoutes } from './feedback';
import { followUpRoute } from './follow-up';
import { humanAgentRoutes } from './human-agent';
import { postMessageRoute } from './post-message';
import { readConversationRoutes } from './read-conversations';

export interface ConversationSurfaceDeps {
  conversations: ConversationService;
  actions: ActionService;
  pubsub: PubSub;
  feedback: ShopperFeedbackStore;
  /** Shoppers' photos (absent: the attachment routes are not offered). */
  evidence?: EvidenceService;
  /** Files shoppers e-mailed in (absent: the route is not offered). */
  emailAttachments?: EmailAttachmentLinks;
}

/** The conversation API of api.md as one surface. */
export function conversationSurface(deps: ConversationSurfaceDeps) {
  return async (app: FastifyInstance) => {
    await app.register(createConversationRoute, deps);
    await app.register(postMessageRoute, deps);
    await app.register(readConversationRoutes, deps);
    await app.register(conversationEventsRoute, deps);
    await app.register(humanAgentRoutes, deps);
    await app.register(followUpRoute, deps);
    await app.register(feedbackRoutes, deps);
    await app.register(actionRoutes, deps);
    if (deps.evidence) await app.register(attachmentRoutes, { conversations: deps.conversations, evidence: deps.evidence });
    if (deps.emailAttachments) await app.register(emailAttachmentRoutes, { conversations: deps.conversations, emailAttachments: deps.emailAttachments });
  };
}
