import type { RequestContext } from '../../order-actions/index';
import type { RunContext } from '../../run-context';
import type { ConversationStateType } from '../../state';

/** Who asks (the conversation, its channel, the identity the channel vouches for) and under which settings and clock. */
export function requestContext(state: ConversationStateType, run: RunContext): RequestContext {
  run.opened ??= [];
  return {
    storeId: state.store_id,
    conversationId: state.conversation_id || null,
    channel: state.channel,
    claimed: state.identity.verified ? { email: state.identity.email ?? null, customerId: state.identity.customerId ?? null } : {},
    settings: run.settings,
    now: run.now,
    opened: run.opened,
    evidence: state.evidence,
  };
}
