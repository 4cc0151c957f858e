import { Command } from '@langchain/langgraph';
import type { Action, ActionStatus, ConversationEvent } from '../../core/conversation';
import { AppError } from '../../core/errors';
import type { ConversationLock, ConversationStore } from '../../core/ports/conversation-store';
import type { PubSub } from '../../core/ports/pubsub';
import type { StoreSettings } from '../../core/settings';
import type { ConversationGraphs } from '../graph';
import type { ReplyRenderer } from '../prompts/render';
import { approvalThreadId, type ApprovalDecision, type ApprovalStateType } from '../specialists/refunds/approval-graph';
import type { ConversationStateType } from '../state';
import { publishEvents, withMessages } from './publish-events';

export interface ActionServiceDeps {
  store: ConversationStore;
  lock: ConversationLock;
  graphs: ConversationGraphs;
  pubsub: PubSub;
  renderer: ReplyRenderer;
  settings(storeId: string): Promise<StoreSettings>;
  now(): Date;
  discardCheckpoints(threadId: string): void;
}

/** Pending actions and the human decision on them: the paused approval flow resumes and the shopper is told. */
export function actionService(deps: ActionServiceDeps) {
  const { store, lock, graphs } = deps;

  const publish = (events: ConversationEvent[]) => publishEvents(deps.pubsub, events);

  async function decide(storeId: string, actionId: string, decision: ApprovalDecision): Promise<{ action: Action; message: string }> {
    const found = await store.action(storeId, actionId);
    if (!found) throw new AppError('not_found', `action ${actionId} not found`);
    if (!found.conversationId) throw new AppError('unprocessable', `action ${actionId} belongs to no conversation`);
    return lock.withLock(found.conversationId, async () => {
      const action = (await store.action(storeId, actionId))!;
      if (action.status !== 'pending') throw new AppError('conflict', `action ${actionId} is already ${action.status}`);
      const thread = approvalThreadId(actionId);
      const conversationId = action.conversationId!;
      let result: ApprovalStateType;
      try {
        result = (await graphs.approvals.invoke(new Command({ resume: decision }), { configurable: { thread_id: thread }, durability: 'exit' })) as ApprovalStateType;
        // The conversation's own memory forgets the pending action.
        const mainConfig = { configurable: { thread_id: conversationId } };
        const main = (await graphs.conversation.getState(mainConfig)).values as ConversationStateType;
        await graphs.conversation.updateState(mainConfig, { pending_actions: (main.pending_actions ?? []).filter((p) => p.actionId !== actionId) }, 'check_escalation');
      } catch (error) {
        deps.discardCheckpoints(thread);
        deps.discardCheckpoints(conversationId);
        throw error;
      }
      if (!result.reply) throw new Error(`approval thread ${thread} ended without a reply`);
      const text = deps.renderer.render(result.reply, await deps.settings(storeId), deps.now());
      const status: ActionStatus = result.outcome ?? (decision.decision === 'approve' ? 'completed' : 'rejected');
      const conversation = await store.get(storeId, conversationId);
      const stillPending = (await store.actions(storeId, { conversationId, status: 'pending' })).filter((a) => a.id !== actionId).length;
      const base = { storeId, conversationId };
      const committed = await store.commitTurn({
        ...base,
        messages: [{ role: 'assistant', content: text, metadata: { template: result.reply.template, actionId } }],
        actions: [],
        actionUpdates: [
          {
            id: actionId,
            status,
            data: { ...action.data, decidedBy: decision.decidedBy, note: decision.note ?? null, ...(result.refund_id ? { refundId: result.refund_id } : {}) },
            reasons: [...action.reasons, `${decision.decision === 'approve' ? 'approved' : 'rejected'} by ${decision.decidedBy}${decision.note ? `: ${decision.note}` : ''}`, ...(result.outcome_reasons ?? [])],
          },
        ],
        ...(conversation?.status === 'pending' && stillPending === 0 ? { status: 'open' as const } : {}),
        checkpointThreads: [thread, conversationId],
        events: [
          { ...base, type: status === 'completed' ? 'action.approved' : status === 'rejected' ? 'action.rejected' : 'action.failed', data: { actionId } },
          { ...base, type: 'conversation.message_created', data: { role: 'assistant' } },
        ],
      });
      await publish(withMessages(committed.events, committed.messages));
      return { action: (await store.action(storeId, actionId))!, message: text };
    });
  }

  return {
    list: (storeId: string, status?: ActionStatus, limit = 100) => store.actions(storeId, { ...(status ? { status } : {}), limit }),
    approve: (storeId: string, actionId: string, decidedBy: string, note?: string) => decide(storeId, actionId, { decision: 'approve', decidedBy, ...(note ? { note } : {}) }),
    reject: (storeId: string, actionId: string, decidedBy: string, note?: string) => decide(storeId, actionId, { decision: 'reject', decidedBy, ...(note ? { note } : {}) }),
  };
}

export type ActionService = ReturnType<typeof actionService>;
