import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import type { ShipmentStatus } from '../../../core/commerce';
import { runContext, type RunContext } from '../../run-context';
import type { ConversationStateType, ConversationUpdate } from '../../state';
import type { OrderView } from '../../state-types';
import type { AgentTools } from '../../tools/index';
import { recordToolCall } from '../../tools/tool-calls';
import { toolConfig } from '../../tools/tool-context';
import { detectShipmentException, type ShipmentExceptionKind } from '../../../policy/index';
import { listText, reply } from '../shared/reply';

type Shipment = OrderView['fulfillments'][number] & { lastScanAt?: string | null; labelCreatedAt?: string | null };

// Each carrier exception: the reply that says it plainly with the next step, and why a person takes over.
const EXCEPTION_REPLY: Record<ShipmentExceptionKind, { template: string; escalation: string }> = {
  returned_to_sender: { template: 'wismo/returning', escalation: 'shipment_returning_to_sender' },
  carrier_exception: { template: 'wismo/exception', escalation: 'shipment_exception' },
  delivered_missing: { template: 'wismo/delivered_not_received', escalation: 'delivered_not_received' },
  never_scanned: { template: 'wismo/never_scanned', escalation: 'shipment_never_scanned' },
  no_movement: { template: 'wismo/no_movement', escalation: 'shipment_no_movement' },
};

const STATUS_TEXT: Record<ShipmentStatus, string> = {
  pending: 'preparing to ship',
  label_created: 'label created, waiting for the carrier',
  in_transit: 'in transit',
  out_for_delivery: 'out for delivery',
  pickup_ready: 'ready for pickup',
  failed_attempt: 'delivery attempted',
  delivered: 'delivered',
  returning: 'returning to us',
  exception: 'held up by the carrier',
  stale: 'no recent carrier updates',
};

async function refreshTracking(shipment: Shipment, tools: AgentTools, storeId: string, run: RunContext): Promise<Shipment> {
  const { trackingNumber } = shipment;
  if (!trackingNumber) return shipment;
  const tracking = await recordToolCall(run, tools.getTracking.name, () => tools.getTracking.invoke({ trackingNumber }, toolConfig(storeId)));
  if (!tracking) return shipment;
  return {
    ...shipment,
    carrier: tracking.carrier ?? shipment.carrier,
    shipmentStatus: tracking.status,
    estimatedDeliveryAt: tracking.estimatedDeliveryAt ?? shipment.estimatedDeliveryAt,
    deliveredAt: tracking.deliveredAt ?? shipment.deliveredAt,
    trackingUrl: tracking.trackingUrl ?? shipment.trackingUrl,
    lastEvent: tracking.lastEvent,
    lastScanAt: tracking.lastScanAt,
    labelCreatedAt: tracking.labelCreatedAt,
  };
}

const isLate = (s: Shipment, now: Date) => s.shipmentStatus !== 'delivered' && s.estimatedDeliveryAt !== null && new Date(s.estimatedDeliveryAt) < now;

function singleShipmentReply(state: ConversationStateType, order: OrderView, s: Shipment, now: Date): ConversationUpdate {
  const vars = {
    order_name: order.name,
    carrier: s.carrier ?? 'the carrier',
    tracking_number: s.trackingNumber,
    tracking_url: s.trackingUrl,
    eta: s.estimatedDeliveryAt && new Date(s.estimatedDeliveryAt) >= now ? s.estimatedDeliveryAt : null,
    delivered_at: s.deliveredAt,
    last_event: s.lastEvent ? `${s.lastEvent.message}${s.lastEvent.location ? ` (${s.lastEvent.location})` : ''}` : null,
  };
  const exception = detectShipmentException(
    {
      status: s.shipmentStatus,
      lastScanAt: s.lastScanAt ? new Date(s.lastScanAt) : s.lastScanAt === null ? null : s.lastEvent && s.shipmentStatus !== 'label_created' ? new Date(s.lastEvent.occurredAt) : null,
      labelCreatedAt: s.labelCreatedAt ? new Date(s.labelCreatedAt) : s.shippedAt ? new Date(s.shippedAt) : null,
      reportedMissing: state.intent === 'delivery_problem',
    },
    now,
  );
  if (exception) {
    const { template, escalation } = EXCEPTION_REPLY[exception.kind];
    const days = exception.hoursSilent === null ? null : Math.floor(exception.hoursSilent / 24);
    return reply(template, { ...vars, days_silent: days }, null, { requires_escalation: exception.needsTeam, escalation_reason: escalation, policy_context: [`shipment_exception: ${exception.kind} (next: ${exception.nextStep})`] });
  }
  if (s.shipmentStatus === 'delivered') return reply('wismo/delivered', vars);
  if (s.shipmentStatus === 'failed_attempt' || s.shipmentStatus === 'out_for_delivery' || s.shipmentStatus === 'pickup_ready') return reply(`wismo/${s.shipmentStatus}`, vars);
  // A label printed is not a parcel on its way: the carrier has not scanned it yet.
  if (s.shipmentStatus === 'label_created' || s.shipmentStatus === 'pending') return reply('wismo/label_created', vars);
  if (s.shipmentStatus === 'stale' || isLate(s, now)) return reply('wismo/delayed', vars);
  return reply('wismo/in_transit', vars);
}

/** The WISMO answer: the order's status category, with tracking, ETA and the latest scan from the carrier. */
export const reportStatusStep = (tools: AgentTools) => async (state: ConversationStateType, config: LangGraphRunnableConfig): Promise<ConversationUpdate> => {
  const run = runContext(config);
  const { now } = run;
  const order = state.order_data!;
  const resolved: ConversationUpdate = { unresolved_turns: 0, agent_outputs: { resolved: true } };
  if (order.cancelled) {
    // "why was it cancelled? I didn't cancel it": the facts, and a person to find out why.
    const askedWhy = state.messages.slice(-4).some((m) => m.role === 'customer' && /\b(why|how come)\b|\b(didn'?t|did not|never) cancel/i.test(m.content));
    return reply('wismo/cancelled', { order_name: order.name, cancelled_at: order.cancelledAt, refunded: order.refundedCents, currency: order.currency, asked_why: askedWhy }, null, resolved);
  }
  if (order.fulfillments.length === 0) return reply('wismo/processing', { order_name: order.name, ordered_at: order.createdAt }, null, resolved);

  const shipments = await Promise.all(order.fulfillments.map((f) => refreshTracking(f, tools, state.store_id, run)));
  const shippedIds = new Set(shipments.flatMap((s) => s.lineItemIds));
  const unshipped = order.items.filter((item) => !shippedIds.has(item.id)).map((item) => item.title);
  if (shipments.length === 1 && unshipped.length === 0) {
    const answer = singleShipmentReply(state, order, shipments[0]!, now);
    return { ...answer, unresolved_turns: 0, agent_outputs: { ...answer.agent_outputs, resolved: true } };
  }

  const titleOf = new Map(order.items.map((item) => [item.id, item.title]));
  return reply(
    'wismo/partial',
    {
      order_name: order.name,
      unshipped: listText(unshipped),
      shipments: shipments.map((s) => ({
        items: listText(s.lineItemIds.map((id) => titleOf.get(id) ?? 'item')),
        status: isLate(s, now) ? 'running late' : STATUS_TEXT[s.shipmentStatus],
        carrier: s.carrier,
        tracking_number: s.trackingNumber,
        eta: s.shipmentStatus !== 'delivered' && s.estimatedDeliveryAt && new Date(s.estimatedDeliveryAt) >= now ? s.estimatedDeliveryAt : null,
      })),
    },
    null,
    resolved,
  );
};
