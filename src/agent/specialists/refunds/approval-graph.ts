import { Annotation, END, START, StateGraph, interrupt, type BaseCheckpointSaver } from '@langchain/langgraph';
import type { PaymentsPort } from '../../../core/ports/commerce';
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
  reply: last<AgentReply | null>(() => null),
});
export type ApprovalStateType = typeof ApprovalState.State;

export const approvalThreadId = (actionId: string) => `approval:${actionId}`;

/**
 * refund_approval: waits on a LangGraph interrupt (checkpointed in the database, so it survives
 * a restart) for approve/reject, then refunds through the payment provider (idempotent by the
 * action id: approving twice pays once) and chooses the reply that tells the shopper.
 */
export function approvalGraph(payments: PaymentsPort, checkpointer: BaseCheckpointSaver) {
  return new StateGraph(ApprovalState)
    .addNode('await_decision', (state: ApprovalStateType) => {
      const decision = interrupt<{ actionId: string; amountCents: number }, ApprovalDecision>({ actionId: state.action_id, amountCents: state.amount_cents });
      return { decision };
    })
    .addNode('apply_decision', async (state: ApprovalStateType) => {
      const vars = { order_name: state.order_name, amount: state.amount_cents, currency: state.currency };
      if (state.decision?.decision !== 'approve') return { reply: { template: 'refunds/rejected', vars: { ...vars, note: state.decision?.note ?? null } } };
      const refund = await payments.refund(
        state.store_id,
        { orderId: state.order_id, amountCents: state.amount_cents, currency: state.currency, reason: state.reason, items: state.items },
        { idempotencyKey: `approval:${state.action_id}` },
      );
      return { refund_id: refund.id, reply: { template: 'refunds/approved', vars } };
    })
    .addEdge(START, 'await_decision')
    .addEdge('await_decision', 'apply_decision')
    .addEdge('apply_decision', END)
    .compile({ checkpointer, name: 'refund_approval' });
}

export type ApprovalGraph = ReturnType<typeof approvalGraph>;
