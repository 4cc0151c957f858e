import type { ActionStatus, ActionType } from '../core/conversation';
import type { Address, FinancialStatus, FulfillmentStatus, ShipmentStatus } from '../core/commerce';
import type { Intent } from '../core/ports/nlu';
import type { Situation } from './understanding/situation';

/** The order as the agent carries it between steps: compact, JSON-safe (dates as ISO strings). */
export interface OrderView {
  id: string;
  name: string;
  email: string | null;
  customerName: string | null;
  financialStatus: FinancialStatus;
  fulfillmentStatus: FulfillmentStatus;
  currency: string;
  totalCents: number;
  refundedCents: number;
  shippingZip: string | null;
  shippingAddress: Address | null;
  cancelled: boolean;
  cancelledAt: string | null;
  createdAt: string;
  items: { id: string; title: string; variantTitle: string | null; quantity: number; priceCents: number; productType: string; tags: string[] }[];
  fulfillments: {
    id: string;
    shipmentStatus: ShipmentStatus;
    carrier: string | null;
    trackingNumber: string | null;
    trackingUrl: string | null;
    estimatedDeliveryAt: string | null;
    shippedAt: string | null;
    deliveredAt: string | null;
    lineItemIds: string[];
    lastEvent: { message: string; location: string | null; occurredAt: string } | null;
  }[];
  refunds: { amountCents: number; status: string; createdAt: string }[];
  returns: { rma: string; status: string; createdAt: string; lineItemIds: string[] }[];
}

/** What the agent asked last turn and is waiting for. */
export type Awaiting =
  | { kind: 'order_reference'; options?: { name: string; title: string }[] }
  | { kind: 'verification'; orderId: string }
  | { kind: 'item_choice'; orderId: string; options: { id: string; title: string }[] }
  | { kind: 'confirmation'; action: 'cancel_order' | 'create_return' | 'refund' | 'handoff' | 'update_address'; orderId?: string; /** An offer the agent made (a refund for a damaged item): a no declines it. */ offer?: boolean }
  | { kind: 'refund_reason'; orderId: string }
  | { kind: 'new_address'; orderId: string }
  | { kind: 'variant_choice'; orderId: string; options: string[] }
  /** A photo of the goods the store asks for before a claim goes further (docs/adr/0034). */
  | { kind: 'photo'; orderId: string };

/** What the shopper has told us so far, kept across turns. */
export interface Slots {
  orderRef?: string;
  /** How the order came into focus: the shopper wrote its number, chose it from orders listed by number, named an item only that order of theirs holds, or (to ask about it, not to act) said when they placed it. */
  orderHow?: 'named' | 'chosen' | 'item' | 'date';
  /** How the items were chosen: named by the shopper, chosen from a list, or the order's only item. */
  itemsHow?: 'named' | 'chosen' | 'only';
  /** The orders put in focus in this conversation, most recent last: "the other one" is read against them. */
  ordersSeen?: string[];
  /** Products the shopper said the request is about ("the socks"), as head nouns, until checked against the order. */
  namedProducts?: string[];
  /** What the shopper said happened (damaged, wrong item, missing item…), until its next step is taken. */
  situation?: Situation;
  /** An address typed over several messages, until it is whole. */
  addressDraft?: string;
  /** The size or colour the shopper wants in exchange ("a large", "in navy"), from whichever message said it. */
  variantWanted?: string[];
  email?: string;
  /** An e-mail the shopper proved in this conversation (it matched an order they named): the orders under it are theirs to ask about (docs/adr/0039). */
  verifiedEmail?: string;
  postalCode?: string;
  itemIds?: string[];
  refundReason?: string;
  /** The amount the shopper asked for, as read ("45.00 USD"); none: the items, or everything left. */
  refundAmount?: string;
  confirmed?: boolean;
  newAddress?: Address;
  failedVerifications?: number;
  /** Too many failed checks on this order or by this shopper, across conversations: a human verifies. */
  verificationLocked?: boolean;
}

/** The reply a step chose: a template key and the facts it may state. */
export interface AgentReply {
  template: string;
  vars: Record<string, unknown>;
}

/** Something the agent did or proposed this turn, with the policy's reasons. */
export interface ActionLog {
  id: string;
  type: ActionType;
  status: ActionStatus;
  data: Record<string, unknown>;
  reasons: string[];
  idempotencyKey?: string;
}

export interface PendingActionRef {
  actionId: string;
  type: ActionType;
  orderName: string;
  amountCents?: number;
  currency?: string;
}

export type { Intent };

/** The policy engine's latest decision in this turn, kept to store with the action it leads to. */
export interface PolicyDecisionRecord {
  kind: 'return' | 'refund' | 'cancellation' | 'address_change';
  outcome: 'allow' | 'deny' | 'review';
  reasons: string[];
  questions: string[];
  amountCents?: number;
  /** The store asks for a photo of this claim and none is attached yet. */
  evidenceMissing?: boolean;
}
