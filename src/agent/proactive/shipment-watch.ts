import { randomBytes } from 'node:crypto';
import type { Fulfillment, Order } from '../../core/commerce';
import type { CommercePort, ShippingPort } from '../../core/ports/commerce';
import type { EmailRecords } from '../../core/ports/email-records';
import type { JobRecord, JobWorker } from '../../core/ports/jobs';
import type { ShipmentNotices } from '../../core/ports/shipment-notices';
import type { StoreSettings } from '../../core/settings';
import { detectShipmentException, shipmentFactsFromEvents, type ShipmentException } from '../../policy/index';
import type { ReplyRenderer } from '../prompts/render';
import type { ConversationService } from '../runtime/conversation-service';

export const SHIPMENT_SCAN_JOB = 'shipments.scan';
/** How far back the watch looks: older parcels are a person's case already. */
const LOOKBACK_DAYS = 45;
const MAX_ORDERS = 500;
/** A claimed notice with no conversation after this long was lost to a crash and may be sent again. */
const STALE_CLAIM_MS = 10 * 60_000;

export interface ShipmentWatchDeps {
  settings(storeId: string): Promise<StoreSettings>;
  commerce: Pick<CommercePort, 'listShippedOrders'>;
  shipping: Pick<ShippingPort, 'getTracking'>;
  notices: ShipmentNotices;
  conversations: Pick<ConversationService, 'startProactive'>;
  emailThreads: Pick<EmailRecords, 'createThread'>;
  renderer: Pick<ReplyRenderer, 'render'>;
  now(): Date;
}

export interface ScanReport {
  orders: number;
  shipments: number;
  /** Shipments with no carrier data: nothing can be said of them, so nothing is. */
  untracked: number;
  exceptions: number;
  notified: number;
}

// The notice and why the team takes over, per exception the watch can see without the shopper.
const NOTICE: Partial<Record<ShipmentException['kind'], { template: string; reason: string; summary: string }>> = {
  no_movement: { template: 'proactive/no_movement', reason: 'shipment_no_movement', summary: 'No carrier scan for 72 hours or more: open a trace with the carrier.' },
  never_scanned: { template: 'proactive/never_scanned', reason: 'shipment_never_scanned', summary: 'Label created, never scanned by the carrier: check with the warehouse.' },
  returned_to_sender: { template: 'proactive/returned_to_sender', reason: 'shipment_returning_to_sender', summary: 'The carrier is returning the parcel: arrange a reship or a refund.' },
  carrier_exception: { template: 'proactive/carrier_exception', reason: 'shipment_exception', summary: 'The carrier reports a delivery exception: chase it with the carrier.' },
};

/**
 * The shipment watch (issue 16): over a store's recent shipped orders, the carrier-aware WISMO
 * rules run before the shopper asks. Each exception is told once to the order's e-mail address, in
 * a new e-mail conversation that goes to the team's queue. Off unless the store turns it on.
 */
export function shipmentWatch(deps: ShipmentWatchDeps) {
  async function notify(storeId: string, settings: StoreSettings, order: Order, shipment: Fulfillment, exception: ShipmentException, lastEvent: string | null): Promise<boolean> {
    const notice = NOTICE[exception.kind];
    if (!notice || !order.email) return false;
    const key = { storeId, fulfillmentId: shipment.id, kind: exception.kind };
    if (!(await deps.notices.claim({ ...key, orderId: order.id }, STALE_CLAIM_MS))) return false;
    const now = deps.now();
    const content = deps.renderer.render(
      {
        template: notice.template,
        vars: {
          order_name: order.name,
          carrier: shipment.carrier ?? 'the carrier',
          tracking_number: shipment.trackingNumber,
          days_silent: exception.hoursSilent === null ? null : Math.floor(exception.hoursSilent / 24),
          last_event: lastEvent,
        },
      },
      settings,
      now,
    );
    const { conversation } = await deps.conversations.startProactive(storeId, {
      channel: 'email',
      customer: { email: order.email, ...(order.customerName ? { name: order.customerName } : {}) },
      content,
      handOff: exception.needsTeam ? { reason: notice.reason, summary: `${order.name}: ${notice.summary}` } : null,
      about: { kind: exception.kind, orderId: order.id, orderName: order.name, fulfillmentId: shipment.id },
      // The e-mail channel's outbox sends the message on this thread (once, threaded for the shopper's reply).
      beforeMessage: (conversationId) =>
        deps.emailThreads.createThread({ conversationId, storeId, replyToken: randomBytes(10).toString('hex'), address: order.email!, subject: `About your order ${order.name}` }),
    });
    await deps.notices.sent(key, conversation.id);
    return true;
  }

  async function scanStore(storeId: string): Promise<ScanReport> {
    const report: ScanReport = { orders: 0, shipments: 0, untracked: 0, exceptions: 0, notified: 0 };
    const settings = await deps.settings(storeId);
    if (!settings.proactive.shipmentExceptions) return report;
    const now = deps.now();
    const orders = await deps.commerce.listShippedOrders(storeId, { since: new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000), limit: MAX_ORDERS });
    report.orders = orders.length;
    for (const order of orders) {
      for (const shipment of order.fulfillments) {
        if (!shipment.trackingNumber || shipment.shipmentStatus === 'delivered') continue;
        report.shipments += 1;
        const tracking = await deps.shipping.getTracking(storeId, shipment.trackingNumber);
        if (!tracking) {
          report.untracked += 1;
          continue;
        }
        const exception = detectShipmentException(shipmentFactsFromEvents(tracking.status, tracking.events, shipment.shippedAt), now);
        if (!exception) continue;
        report.exceptions += 1;
        const latest = tracking.events.at(-1);
        const lastEvent = latest ? `${latest.message}${latest.location ? `, ${latest.location}` : ''}` : null;
        if (await notify(storeId, settings, order, { ...shipment, carrier: tracking.carrier ?? shipment.carrier }, exception, lastEvent)) report.notified += 1;
      }
    }
    return report;
  }

  return {
    scanStore,
    /** One scan per store at a time (a job a store, deduplicated per period by the scheduler). */
    registerJobs(worker: JobWorker) {
      worker.register(SHIPMENT_SCAN_JOB, async (job: JobRecord<{ storeId: string }>) => void (await scanStore(job.payload.storeId)), { concurrency: 1, timeoutMs: 10 * 60_000 });
    },
  };
}

export type ShipmentWatch = ReturnType<typeof shipmentWatch>;
