import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { agentMayReply, transition, type Action, type Channel, type Conversation, type ConversationEvent, type Message } from '../../core/conversation';
import { AppError } from '../../core/errors';
import type { ConversationLock, ConversationStore, TurnWrite } from '../../core/ports/conversation-store';
import type { PubSub } from '../../core/ports/pubsub';
import type { StoreSettings } from '../../core/settings';
import type { EvidenceService } from '../../core/evidence-service';
import type { ConversationGraphs } from '../graph';
import { runConfig, type RunContext, type TurnStream } from '../run-context';
import type { ConversationStateType } from '../state';
import { dialogueOf, type DialogueState } from '../dialogue/dialogue-state';
import { publishEvents, withMessages } from './publish-events';
import { turnInput } from './turn-input';
import { analysisOf, turnWrite, type TurnAnalysis } from './turn-write';

export interface ConversationServiceDeps {
  store: ConversationStore;
  lock: ConversationLock;
  graphs: ConversationGraphs;
  pubsub: PubSub;
  settings(storeId: string): Promise<StoreSettings>;
  now(): Date;
  /** Forgets checkpoints a failed run buffered, so the next turn starts from the last committed one. */
  discardCheckpoints(threadId: string): void;
  /** Voids the pending order requests a failed turn opened (no stored action would ever point at them). */
  voidRequests?(storeId: string, requestIds: string[]): Promise<void>;
  /** Shoppers' photos: a message may name the ones uploaded to its conversation (docs/adr/0034). */
  evidence?: Pick<EvidenceService, 'checkUnsent' | 'link'>;
}

export interface TurnOutcome {
  message: Message;
  reply: Message | null;
  analysis: TurnAnalysis | null;
  actions: Action[];
  escalated: boolean;
  escalationReason: string | null;
  /** The dialogue after this turn: order and items in focus, what the agent waits for, the topics. */
  dialogue: DialogueState | null;
  conversation: Conversation;
}

/** The words a message that carries only photos stands for. */
export const PHOTO_ONLY = '(photo attached)';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Conversations: create, take a shopper's turn through the agent graph, human replies, lifecycle. */
export function conversationService(deps: ConversationServiceDeps) {
  const { store, lock, graphs, pubsub } = deps;

  const publish = (events: ConversationEvent[]) => publishEvents(pubsub, events);

  async function commit(write: TurnWrite) {
    const committed = await store.commitTurn(write);
    await publish(withMessages(committed.events, committed.messages));
    return committed;
  }

  async function load(storeId: string, conversationId: string): Promise<Conversation> {
    const conversation = await store.get(storeId, conversationId);
    if (!conversation) throw new AppError('not_found', `conversation ${conversationId} not found`);
    return conversation;
  }

  /** Each pending action's approval thread starts now and pauses on its interrupt (committed with the turn). */
  async function startApprovals(conversation: Conversation, state: ConversationStateType): Promise<void> {
    for (const action of state.actions_taken.filter((a) => a.status === 'pending' && typeof a.data.approvalThread === 'string')) {
      const d = action.data as {
        orderId: string;
        orderName: string;
        amountCents: number;
        currency: string;
        reason: string;
        items: { lineItemId: string; quantity: number }[];
        approvalThread: string;
      };
      await graphs.approvals.invoke(
        {
          store_id: conversation.storeId,
          conversation_id: conversation.id,
          action_id: action.id,
          order_id: d.orderId,
          order_name: d.orderName,
          amount_cents: d.amountCents,
          currency: d.currency,
          reason: d.reason,
          items: d.items,
        },
        { configurable: { thread_id: d.approvalThread }, durability: 'exit' },
      );
    }
  }

  /**
   * Names the turn's rows after the request that asked for it (an Idempotency-Key, scoped to its
   * caller), in the same transaction: a retry after a failed answer finds the committed turn.
   */
  function markTurn(write: TurnWrite, requestKey: string, state: ConversationStateType): void {
    for (const action of write.actions) action.id ??= randomUUID();
    const actionIds = write.actions.filter((a) => a.type !== 'handoff').map((a) => a.id!);
    write.messages = write.messages.map((m, i) => ({
      ...m,
      metadata: { ...m.metadata, requestKey, ...(i === 0 ? { actionIds, escalated: state.requires_escalation, escalationReason: state.escalation_reason } : {}) },
    }));
  }

  /** The answer a committed turn gave, rebuilt from its rows. */
  async function committedTurn(conversation: Conversation, requestKey: string, content: string): Promise<TurnOutcome | undefined> {
    const found = await store.turnByRequest(conversation.storeId, conversation.id, requestKey);
    if (!found) return undefined;
    const [message, reply] = found.messages;
    if (message!.content !== content) throw new AppError('idempotency_conflict', 'this Idempotency-Key was used with a different request body');
    const meta = (message!.metadata ?? {}) as { analysis?: TurnAnalysis; escalated?: boolean; escalationReason?: string | null };
    return {
      message: message!,
      reply: reply ?? null,
      analysis: meta.analysis ?? null,
      actions: found.actions,
      escalated: meta.escalated ?? false,
      escalationReason: meta.escalationReason ?? null,
      conversation,
      dialogue: ((reply?.metadata ?? {}) as { dialogue?: DialogueState }).dialogue ?? null,
    };
  }

  async function runTurn(conversation: Conversation, content: string, requestKey?: string, stream?: TurnStream, attached: string[] = []): Promise<TurnOutcome> {
    const photos = attached.length ? { attachments: attached } : {};
    if (!agentMayReply(conversation.status)) {
      // A human owns the conversation: keep the message, stay silent.
      const committed = await commit({
        storeId: conversation.storeId,
        conversationId: conversation.id,
        messages: [
          {
            role: 'customer',
            content,
            ...(requestKey || attached.length
              ? { metadata: { ...photos, ...(requestKey ? { requestKey, actionIds: [], escalated: true, escalationReason: conversation.metadata.handoff?.reason ?? null } : {}) } }
              : {}),
          },
        ],
        actions: [],
        checkpointThreads: [],
        events: [{ storeId: conversation.storeId, conversationId: conversation.id, type: 'conversation.message_created', data: { role: 'customer' } }],
      });
      return {
        message: committed.messages[0]!,
        reply: null,
        analysis: null,
        actions: [],
        escalated: true,
        escalationReason: conversation.metadata.handoff?.reason ?? null,
        dialogue: null,
        conversation: committed.conversation,
      };
    }
    const started = performance.now();
    const now = deps.now();
    const run: RunContext = { settings: await deps.settings(conversation.storeId), now, orders: new Map(), turnKey: conversation.id, opened: [], toolCalls: [], ...(stream ? { stream } : {}) };
    const voidOpened = () => (run.opened?.length ? deps.voidRequests?.(conversation.storeId, run.opened).catch(() => undefined) : undefined);
    let state: ConversationStateType;
    try {
      state = (await graphs.conversation.invoke(turnInput(conversation, content, now, attached), {
        ...runConfig(conversation, run),
        durability: 'exit',
      })) as ConversationStateType;
    } catch (error) {
      deps.discardCheckpoints(conversation.id);
      await voidOpened();
      throw error;
    }
    try {
      await startApprovals(conversation, state);
    } catch (error) {
      deps.discardCheckpoints(conversation.id);
      for (const a of state.actions_taken) if (typeof a.data.approvalThread === 'string') deps.discardCheckpoints(a.data.approvalThread);
      await voidOpened();
      throw error;
    }
    const write = turnWrite(conversation, content, state);
    if (attached.length) write.messages[0]!.metadata = { ...write.messages[0]!.metadata, ...photos };
    const dialogue = dialogueOf(state);
    if (requestKey) markTurn(write, requestKey, state);
    // What the console shows beside the reply, in the same transaction: who answered, the tools it called,
    // the policy's decision with its reasons (also when it became no action), and how long the turn took.
    const answer = write.messages[1];
    if (answer)
      answer.metadata = {
        ...answer.metadata,
        specialist: state.current_agent || null,
        latencyMs: Math.round((performance.now() - started) * 10) / 10,
        dialogue,
        ...(run.toolCalls?.length ? { tools: run.toolCalls } : {}),
        ...(state.policy_decision ? { decision: state.policy_decision } : {}),
        // The remote model's share of the turn: calls, fallbacks, tokens and cost (summed per conversation by analytics).
        ...(run.model ? { model: run.model } : {}),
      };
    let committed;
    try {
      committed = await commit(write);
    } catch (error) {
      for (const thread of write.checkpointThreads) deps.discardCheckpoints(thread);
      await voidOpened();
      throw error;
    }
    const [message, reply] = committed.messages;
    return {
      message: message!,
      reply: reply ?? null,
      analysis: analysisOf(state),
      actions: committed.actions.filter((a) => a.type !== 'handoff'),
      escalated: state.requires_escalation,
      escalationReason: state.escalation_reason,
      dialogue,
      conversation: committed.conversation,
    };
  }

  return {
    async create(
      storeId: string,
      input: { channel: Channel; customer?: { email?: string; name?: string; externalId?: string }; message?: string },
      trustedIdentity: boolean,
    ) {
      const accessToken = input.channel === 'widget' ? `ct_${randomBytes(24).toString('base64url')}` : undefined;
      const conversation = await store.create(storeId, {
        channel: input.channel,
        customerId: input.customer?.externalId ?? input.customer?.email ?? null,
        metadata: {
          ...(input.customer ? { customer: input.customer } : {}),
          identityVerified: trustedIdentity && Boolean(input.customer?.email || input.customer?.externalId),
          ...(accessToken ? { accessTokenHash: hashToken(accessToken) } : {}),
        },
      });
      await publish([
        { storeId, conversationId: conversation.id, type: 'conversation.created', at: new Date().toISOString(), data: { channel: input.channel } },
      ]);
      const turn = input.message ? await lock.withLock(conversation.id, () => runTurn(conversation, input.message!)) : undefined;
      return { conversation: turn?.conversation ?? conversation, accessToken, turn };
    },

    /**
     * `authorize` sees the conversation as loaded under the lock and throws to refuse the turn
     * (nothing changes). A `requestKey` names the request: if a turn under it was already committed
     * (its answer lost to a failure after the commit), that turn is the answer and none runs again.
     * A `stream` receives the reply's text while a remote model writes it.
     */
    async postMessage(
      storeId: string,
      conversationId: string,
      content: string,
      authorize?: (conversation: Conversation) => void,
      requestKey?: string,
      stream?: TurnStream,
      attachments: string[] = [],
    ): Promise<TurnOutcome> {
      return lock.withLock(conversationId, async () => {
        const conversation = await load(storeId, conversationId);
        authorize?.(conversation);
        const done = requestKey ? await committedTurn(conversation, requestKey, content) : undefined;
        if (done) return done;
        if (attachments.length && !deps.evidence) throw new AppError('unprocessable', 'this instance keeps no attachments');
        const attached = deps.evidence ? await deps.evidence.checkUnsent(storeId, conversationId, attachments) : [];
        // A photo sent alone still needs words for the transcript and the agent.
        const turn = await runTurn(conversation, content.trim() || (attached.length ? PHOTO_ONLY : content), requestKey, stream, attached);
        if (attached.length) await deps.evidence!.link(storeId, conversationId, attached, turn.message.id);
        return turn;
      });
    },

    find: load,

    async get(storeId: string, conversationId: string) {
      const conversation = await load(storeId, conversationId);
      const [messages, actions] = await Promise.all([store.messages(storeId, conversationId), store.actions(storeId, { conversationId })]);
      return { conversation, messages, actions };
    },

    /** The messages after the one with this id (all of them when it is not one of this conversation's): what a listener that saw it missed. */
    async messagesAfter(storeId: string, conversationId: string, messageId: string): Promise<Message[]> {
      const messages = await store.messages(storeId, conversationId);
      const seen = messages.findIndex((m) => m.id === messageId);
      return messages.slice(seen + 1);
    },

    list: (storeId: string, query: { status?: Conversation['status']; limit: number; cursor?: string }) => store.list(storeId, query),

    /** A human agent answers; an escalated conversation stays with the human until handed back. */
    async humanReply(storeId: string, conversationId: string, content: string, author: string) {
      return lock.withLock(conversationId, async () => {
        const conversation = await load(storeId, conversationId);
        const base = { storeId, conversationId };
        const committed = await commit({
          ...base,
          messages: [{ role: 'agent', content, metadata: { author } }],
          actions: [],
          ...(conversation.status === 'resolved' ? { status: 'handed_off' as const } : {}),
          checkpointThreads: [],
          events: [{ ...base, type: 'conversation.message_created', data: { role: 'agent' } }],
        });
        return { message: committed.messages[0]!, conversation: committed.conversation };
      });
    },

    /** The shopper leaves an e-mail for a person to write back to (a handed-off conversation); the operators see it in the transcript. */
    async leaveFollowUpEmail(storeId: string, conversationId: string, email: string, authorize?: (conversation: Conversation) => void) {
      return lock.withLock(conversationId, async () => {
        const conversation = await load(storeId, conversationId);
        authorize?.(conversation);
        const base = { storeId, conversationId };
        const committed = await commit({
          ...base,
          messages: [{ role: 'system', content: `The shopper left an e-mail for follow-up: ${email}` }],
          actions: [],
          metadata: { ...conversation.metadata, followUp: { email, at: deps.now().toISOString() } },
          checkpointThreads: [],
          events: [
            { ...base, type: 'conversation.message_created', data: { role: 'system' } },
            { ...base, type: 'conversation.follow_up_requested', data: {} },
          ],
        });
        return committed.conversation;
      });
    },

    /**
     * Concierge writes first (a parcel stuck, never scanned, returning): a new conversation holding
     * its message, on the team's queue when it needs a person. The shopper's address is the order's,
     * not a verified identity: a reply goes through the usual checks.
     */
    async startProactive(storeId: string, input: { channel: Channel; customer: { email: string; name?: string }; content: string; handOff: { reason: string; summary: string } | null; about: NonNullable<Conversation['metadata']['proactive']>; beforeMessage?: (conversationId: string) => Promise<void> }) {
      const conversation = await store.create(storeId, {
        channel: input.channel,
        customerId: input.customer.email,
        metadata: {
          customer: input.customer,
          identityVerified: false,
          proactive: input.about,
          ...(input.handOff ? { handoff: { ...input.handOff, at: deps.now().toISOString() } } : {}),
        },
      });
      const base = { storeId, conversationId: conversation.id };
      // What must exist before the message does (an e-mail thread: the outbox would skip a message without one).
      await input.beforeMessage?.(conversation.id);
      return lock.withLock(conversation.id, async () => {
        const committed = await commit({
          ...base,
          messages: [{ role: 'assistant', content: input.content, metadata: { proactive: true } }],
          actions: [],
          ...(input.handOff ? { status: 'handed_off' as const } : {}),
          checkpointThreads: [],
          events: [
            { ...base, type: 'conversation.created', data: { channel: input.channel, proactive: true } },
            { ...base, type: 'conversation.message_created', data: { role: 'assistant' } },
            ...(input.handOff ? [{ ...base, type: 'conversation.handoff_requested' as const, data: { from: conversation.status, to: 'handed_off', reason: input.handOff.reason } }] : []),
          ],
        });
        return { conversation: committed.conversation, message: committed.messages[0]! };
      });
    },

    /** Moves the conversation along its lifecycle (resolve, hand back to the agent). */
    async changeStatus(storeId: string, conversationId: string, to: 'resolved' | 'open' | 'handed_off', actor: string) {
      return lock.withLock(conversationId, async () => {
        const conversation = await load(storeId, conversationId);
        const event = transition(conversation.status, to);
        const base = { storeId, conversationId };
        const committed = await commit({
          ...base,
          messages: [],
          actions: [],
          status: to,
          checkpointThreads: [],
          events: [{ ...base, type: event, data: { from: conversation.status, to, actor } }],
        });
        return committed.conversation;
      });
    },
  };
}

export type ConversationService = ReturnType<typeof conversationService>;
