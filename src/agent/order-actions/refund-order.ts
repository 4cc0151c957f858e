import type { Order, RefundRecord } from '../../core/commerce';
import type { ItemQuantity } from '../../core/ports/commerce';
import type { OrderRequest } from '../../core/ports/order-requests';
import { decideRefund, refundLimitHorizonDays, type OpenRefundRequest, type RefundDecision, type RefundReason, type ShopperRefund } from '../../policy/index';
import type { ActionFailure, LockedOrder, OrderActionDeps, RequestContext } from './context';
import { abandoned, attemptsSoFar, providerFailure, standingRequest, underOrderLock, failedRequestStatus, providerActionFailure } from './order-guard';
import { orderRequestKey, providerKey } from './request-key';
import { shopperKeys } from './shopper-keys';

export interface RefundRequest {
  /** The order's id or name. */
  orderId: string;
  /** The items asked for (each with its quantity); none: an amount, or everything left. */
  items?: ItemQuantity[];
  /** The amount asked for, when the shopper named one. */
  amountCents?: number;
  reason: RefundReason;
  /** The action a human would decide on, when the decision is review. */
  actionId: string;
}

export type RefundOutcome =
  | { outcome: 'refunded'; request: OrderRequest; refund: RefundRecord; decision: RefundDecision | null }
  | { outcome: 'review'; request: OrderRequest; decision: RefundDecision }
  | { outcome: 'denied'; decision: RefundDecision }
  /** The store asks for a photo of this claim and none is attached: nothing is requested (docs/adr/0034). */
  | { outcome: 'evidence_needed'; decision: RefundDecision }
  /** The same request already stands (paid, being paid, waiting for a human, or turned down by one). */
  | { outcome: 'duplicate'; request: OrderRequest }
  | ActionFailure;

const unpaid = (r: OrderRequest) => r.kind === 'refund' && (r.status === 'pending' || r.status === 'in_progress');
const overlaps = (a: ItemQuantity[], b: ItemQuantity[]) => a.length === 0 || b.length === 0 || a.some((x) => b.some((y) => y.lineItemId === x.lineItemId));
const openOf = (requests: OrderRequest[], except?: string): OpenRefundRequest[] => requests.filter((r) => unpaid(r) && r.id !== except).map((r) => ({ amountCents: r.amountCents, items: r.items }));

const DAY_MS = 86_400_000;

/**
 * The shopper's refund requests across every order, conversation and channel, as far back as the
 * store's longest abuse-limit window. Read under the shopper's lock, so two refunds on two orders of
 * one shopper at the same instant are decided one after the other (docs/adr/0023).
 */
async function historyOf(deps: OrderActionDeps, ctx: RequestContext, keys: string[]): Promise<ShopperRefund[]> {
  const days = refundLimitHorizonDays(ctx.settings);
  if (days === 0 || keys.length === 0) return [];
  const requests = await deps.shopperHistory.requests(ctx.storeId, { shopperKeys: keys, kinds: ['refund'], since: new Date(ctx.now.getTime() - days * DAY_MS) });
  return requests.map((r) => ({ orderName: r.orderName, amountCents: r.amountCents, currency: r.currency, automatic: r.automatic, returnless: r.returnless, status: r.status, createdAt: r.createdAt }));
}

/** Pays a request through the provider under its key, and records what happened. */
async function pay(deps: OrderActionDeps, ctx: RequestContext, order: Order, request: OrderRequest, reason: string): Promise<{ refund: RefundRecord; request: OrderRequest } | ActionFailure> {
  try {
    const refund = await deps.payments.refund(
      ctx.storeId,
      { orderId: order.id, amountCents: request.amountCents, currency: request.currency ?? order.currency, reason, items: request.items },
      { idempotencyKey: providerKey(request) },
    );
    const settled = await deps.orderRequests.settle(ctx.storeId, request.id, { status: 'completed', result: { refundId: refund.id } });
    return { refund, request: settled };
  } catch (error) {
    await deps.orderRequests.settle(ctx.storeId, request.id, { status: failedRequestStatus(error), result: providerFailure(error) });
    return providerActionFailure(error);
  }
}

/** The refund a completed request paid, as the order shows it (or as the ledger recorded it, if the provider does not list it yet). */
const refundOf = (request: OrderRequest, order: Order): RefundRecord =>
  order.refunds.find((r) => r.id === request.result.refundId) ?? {
    id: String(request.result.refundId ?? request.id),
    amountCents: request.amountCents,
    currency: request.currency ?? order.currency,
    reason: null,
    status: 'succeeded',
    lineItems: request.items,
    createdAt: request.updatedAt,
  };

type Decided =
  | { outcome: 'pay'; request: OrderRequest; decision: RefundDecision }
  | { outcome: 'review'; request: OrderRequest; decision: RefundDecision }
  | { outcome: 'denied'; decision: RefundDecision }
  | { outcome: 'evidence_needed'; decision: RefundDecision };

interface Deciding {
  input: Parameters<typeof decideRefund>[0];
  ask: RefundRequest;
  order: Order;
  requests: OrderRequest[];
  key: string;
  keys: string[];
}

/** The policy's decision with the shopper's history as it is now, and the request it opens (pending for a human, or in progress to be paid). */
async function decideAndRecord(deps: OrderActionDeps, ctx: RequestContext, { input, ask, order, requests, key, keys }: Deciding): Promise<Decided> {
  const shopperHistory = await historyOf(deps, ctx, keys);
  // The money path checks the evidence itself, whatever the caller asked before: no photo, no request.
  const decision = decideRefund({ ...input, openRequests: openOf(requests), shopperHistory, evidence: { photos: ctx.evidence?.length ?? 0 } });
  if (decision.outcome === 'deny') return { outcome: 'denied', decision };
  if (decision.evidenceMissing) return { outcome: 'evidence_needed', decision };
  const record = {
    orderId: order.id,
    orderName: order.name,
    kind: 'refund' as const,
    requestKey: key,
    returnless: !decision.returnRequired,
    amountCents: decision.amountCents,
    currency: order.currency,
    items: decision.items,
    actionId: ask.actionId,
    conversationId: ctx.conversationId ?? null,
    channel: ctx.channel ?? null,
    shopperKeys: keys,
  };
  if (decision.outcome === 'review') {
    const request = await deps.orderRequests.open(ctx.storeId, { ...record, status: 'pending', automatic: false });
    ctx.opened?.push(request.id);
    return { outcome: 'review', request, decision };
  }
  const request = await deps.orderRequests.open(ctx.storeId, { ...record, status: 'in_progress', automatic: true, attempts: attemptsSoFar(requests, key) + 1 });
  return { outcome: 'pay', request, decision };
}

/**
 * A shopper's refund request, decided and acted on inside the order's critical section: the order
 * as it is now, refunds already paid and requests not yet paid (which hold their amount and units)
 * go into the policy's decision; allowed, it is paid under a key derived from the order and the
 * request; review, it waits for a human as a pending request; the same request asked again is
 * answered with where it stands. Undo: none — money sent is not pulled back.
 */
export async function refundOrder(deps: OrderActionDeps, ctx: RequestContext, ask: RefundRequest): Promise<RefundOutcome> {
  return underOrderLock(deps, ctx, ask.orderId, async ({ order, requests }: LockedOrder): Promise<RefundOutcome> => {
    const input = { order, reason: ask.reason, settings: ctx.settings, now: ctx.now, ...(ask.items?.length ? { items: ask.items } : {}), ...(ask.amountCents !== undefined ? { amountCents: ask.amountCents } : {}) };
    const asked = decideRefund(input);
    const key = orderRequestKey('refund', order.id, { items: asked.items, amountCents: asked.requestedCents });
    const standing = standingRequest(requests, key);
    if (standing && abandoned(standing, ctx.now)) {
      // A crash left it mid-call: the same provider key either finds the refund made or makes it, once.
      const paid = await pay(deps, ctx, order, standing, ask.reason);
      return 'outcome' in paid ? paid : { outcome: 'refunded', ...paid, decision: null };
    }
    if (standing) return { outcome: 'duplicate', request: standing };
    // Asked again while one waits for a human (another amount, the same items): the same request.
    const waiting = requests.find((r) => unpaid(r) && overlaps(r.items, asked.items));
    if (waiting) return { outcome: 'duplicate', request: waiting };

    const keys = shopperKeys(ctx.storeId, order, ctx.claimed);
    // The shopper's other orders may be asked about at this very moment: the limits are read and the request recorded under the shopper's lock.
    const decided = await deps.orderLock.withShopperLock(ctx.storeId, keys, () => decideAndRecord(deps, ctx, { input, ask, order, requests, key, keys }));
    if (decided.outcome !== 'pay') return decided;
    const { request, decision } = decided;
    const paid = await pay(deps, ctx, order, request, ask.reason);
    return 'outcome' in paid ? paid : { outcome: 'refunded', ...paid, decision };
  });
}

export type ApprovalOutcome =
  | { outcome: 'refunded'; request: OrderRequest; refund: RefundRecord }
  /** Nothing left to do: the order changed while the request waited (refunded, cancelled…); the request is void. */
  | { outcome: 'void'; request: OrderRequest; decision: RefundDecision }
  | ActionFailure;

/** What a pending refund action carries, for one created before the ledger existed. */
export interface PendingRefund {
  orderId: string;
  amountCents: number;
  items: ItemQuantity[];
  reason: string;
}

/**
 * A human approved a pending refund: inside the order's critical section the order is checked
 * again (a human overrides review, never a deny: nothing is paid twice or beyond what is left),
 * then paid under the request's key. Approving twice, or after another path paid it, pays once.
 */
export async function approveRefund(deps: OrderActionDeps, ctx: RequestContext, actionId: string, pending: PendingRefund): Promise<ApprovalOutcome> {
  return underOrderLock(deps, ctx, pending.orderId, async ({ order, requests }): Promise<ApprovalOutcome> => {
    const request = requests.find((r) => r.actionId === actionId) ?? (await adoptLegacy(deps, ctx, order, requests, actionId, pending));
    if (request.status === 'completed') return { outcome: 'refunded', request, refund: refundOf(request, order) };
    const decision = decideRefund({ order, reason: pending.reason as RefundReason, amountCents: request.amountCents, ...(request.items.length ? { items: request.items } : {}), settings: ctx.settings, now: ctx.now, openRequests: openOf(requests, request.id) });
    if (decision.outcome === 'deny' || !['pending', 'in_progress'].includes(request.status)) {
      const voided = request.status === 'pending' ? await deps.orderRequests.settle(ctx.storeId, request.id, { status: 'void', result: { voidedBecause: decision.reasons.filter((r) => r.effect === 'deny').map((r) => r.code) } }) : request;
      return { outcome: 'void', request: voided, decision };
    }
    const started = await deps.orderRequests.settle(ctx.storeId, request.id, { status: 'in_progress' });
    const paid = await pay(deps, ctx, order, started, pending.reason);
    return 'outcome' in paid ? paid : { outcome: 'refunded', ...paid };
  });
}

/** A pending action from before the ledger: recorded now under the key its request derives to. */
async function adoptLegacy(deps: OrderActionDeps, ctx: RequestContext, order: Order, requests: OrderRequest[], actionId: string, pending: PendingRefund): Promise<OrderRequest> {
  const key = orderRequestKey('refund', order.id, { items: pending.items, amountCents: pending.amountCents });
  const standing = standingRequest(requests, key);
  if (standing) return standing;
  return deps.orderRequests.open(ctx.storeId, {
    orderId: order.id,
    orderName: order.name,
    kind: 'refund',
    requestKey: key,
    status: 'pending',
    automatic: false,
    returnless: ctx.settings.returnlessRefundReasons.includes(pending.reason as RefundReason),
    amountCents: pending.amountCents,
    currency: order.currency,
    items: pending.items,
    actionId,
    conversationId: ctx.conversationId ?? null,
    channel: ctx.channel ?? null,
    shopperKeys: shopperKeys(ctx.storeId, order, ctx.claimed),
  });
}

/** A human turned a pending refund down: the request is closed (asked again, it is answered as declined). */
export async function rejectRefund(deps: OrderActionDeps, ctx: RequestContext, actionId: string): Promise<void> {
  const request = await deps.orderRequests.byAction(ctx.storeId, actionId);
  if (request?.status === 'pending') await deps.orderRequests.settle(ctx.storeId, request.id, { status: 'rejected' });
}
