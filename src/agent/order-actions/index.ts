import type { OrderActionDeps, RequestContext } from './context';
import { changeAddress } from './change-address';
import { cancelOrder } from './cancel-order';
import { createReturn, type ReturnRequest } from './create-return';
import { approveRefund, refundOrder, rejectRefund, type PendingRefund, type RefundRequest } from './refund-order';
import type { Address } from '../../core/commerce';

export type { ActionFailure, OrderActionDeps, RequestContext } from './context';
export type { AddressOutcome } from './change-address';
export type { CancelOutcome } from './cancel-order';
export type { CreatedReturn, ReturnOutcome, ReturnRequest } from './create-return';
export type { ApprovalOutcome, PendingRefund, RefundOutcome, RefundRequest } from './refund-order';
export { orderRequestKey, providerKey } from './request-key';
export { shopperKeys, type ClaimedShopper } from './shopper-keys';

/**
 * The money path: every action that moves money or changes an order, decided and carried out
 * inside the order's critical section, recorded in the order-request ledger and keyed by the
 * order and the request. Tools, specialists and approvals all go through here.
 */
export function orderActions(deps: OrderActionDeps) {
  return {
    refund: (ctx: RequestContext, ask: RefundRequest) => refundOrder(deps, ctx, ask),
    approveRefund: (ctx: RequestContext, actionId: string, pending: PendingRefund) => approveRefund(deps, ctx, actionId, pending),
    rejectRefund: (ctx: RequestContext, actionId: string) => rejectRefund(deps, ctx, actionId),
    cancel: (ctx: RequestContext, input: { orderId: string; reason: string }) => cancelOrder(deps, ctx, input),
    createReturn: (ctx: RequestContext, ask: ReturnRequest) => createReturn(deps, ctx, ask),
    changeAddress: (ctx: RequestContext, input: { orderId: string; address: Address }) => changeAddress(deps, ctx, input),
    /** Voids pending requests a failed turn opened: no stored action points at them. */
    voidOpened: async (storeId: string, ids: string[]) => {
      for (const id of ids) await deps.orderRequests.settle(storeId, id, { status: 'void', result: { voidedBecause: 'turn_failed' } });
    },
  };
}

export type OrderActions = ReturnType<typeof orderActions>;
