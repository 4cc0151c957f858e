import { Annotation, END, START, StateGraph, interrupt, type BaseCheckpointSaver } from '@langchain/langgraph';
import type { StoreSettings } from '../../../core/settings';
import type { OrderActions } from '../../order-actions/index';
import type { AgentReply } from '../../state-types';

export interface ApprovalDecision {
  decision: 'approve' | 'reject';
  note?: string;
  decidedBy: string;
}

const last = <T>(fallback: () => T) => Annotation<T>({ reducer: (_c: T, n: T) => n, default: fallback });

/** The state of one refund awaiting a human: what was asked, and what was decided. */
export const ApprovalState = Annotation.Root({
  store_id: last<string>(() => ''),
  conversation_id: last<string>(() => ''),
  action_id: last<string>(() => ''),
  order_id: last<string>(() => ''),
  order_name: last<string>(() => ''),
  amount_cents: last<number>(() => 0),
  currency: last<string>(() => 'USD'),
  reason: last<string>(() => ''),
  items: last<{ lineItemId: string; quantity: number }[]>(() => []),
  decision: last<ApprovalDecision | null>(() => null),
  refund_id: last<string | null>(() => null),
  /** What became of the action: paid, turned down, or void (the order changed while it waited: nothing left to pay). */
  outcome: last<'completed' | 'rejected' | 'failed' | null>(() => null),
  /** Why, for the operator (the re-check's reasons when it is void or failed). */
  outcome_reasons: last<string[]>(() => []),
  reply: last<AgentReply | null>(() => null),
});
export type ApprovalStateType = typeof ApprovalState.State;

export const approvalThreadId = (actionId: string) => `approval:${actionId}`;

/**
 * refund_approval: waits on a LangGraph interrupt (checkpointed in the database, so it survives
 * a restart) for approve/reject, then refunds through the money path: the order locked and checked
 * again (a human overrides review, never what would pay twice or beyond what is left), paid under
 * the request's own key — approving twice, or after another path paid it, pays once — and chooses
 * the reply that tells the shopper.
 */
export function approvalGraph(actions: OrderActions, settings: (storeId: string) => Promise<StoreSettings>, now: () => Date, checkpointer: BaseCheckpointSaver) {
  return new StateGraph(ApprovalState)
    .addNode('await_decision', (state: ApprovalStateType) => {
      const decision = interrupt<{ actionId: string; amountCents: number }, ApprovalDecision>({ actionId: state.action_id, amountCents: state.amount_cents });
      return { decision };
    })
    .addNode('apply_decision', async (state: ApprovalStateType) => {
      const vars = { order_name: state.order_name, amount: state.amount_cents, currency: state.currency };
      const ctx = { storeId: state.store_id, conversationId: state.conversation_id || null, settings: await settings(state.store_id), now: now() };
      if (state.decision?.decision !== 'approve') {
        await actions.rejectRefund(ctx, state.action_id);
        return { outcome: 'rejected' as const, reply: { template: 'refunds/rejected', vars: { ...vars, note: state.decision?.note ?? null } } };
      }
      const result = await actions.approveRefund(ctx, state.action_id, { orderId: state.order_id, amountCents: state.amount_cents, items: state.items, reason: state.reason });
      switch (result.outcome) {
        case 'refunded':
          return { outcome: 'completed' as const, refund_id: result.refund.id, reply: { template: 'refunds/approved', vars: { ...vars, amount: result.refund.amountCents } } };
        case 'void':
          return { outcome: 'failed' as const, outcome_reasons: result.decision.reasons.filter((r) => r.effect === 'deny').map((r) => `not paid on approval: ${r.message}`), reply: { template: 'refunds/approval_void', vars } };
        case 'failed':
          return { outcome: 'failed' as const, outcome_reasons: [`not paid on approval: ${result.reason}: ${result.message}`], reply: { template: 'general/action_failed', vars } };
      }
    })
    .addEdge(START, 'await_decision')
    .addEdge('await_decision', 'apply_decision')
    .addEdge('apply_decision', END)
    .compile({ checkpointer, name: 'refund_approval' });
}

export type ApprovalGraph = ReturnType<typeof approvalGraph>;
