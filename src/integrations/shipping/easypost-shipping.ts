import type { Address, ReturnLabel, TrackingInfo } from '../../core/commerce';
import { AppError } from '../../core/errors';
import type { ShippingPort } from '../../core/ports/commerce';
import type { ObjectStorage } from '../../core/ports/object-storage';
import type { Resilience } from '../resilience/resilient-call';
import type { EasyPost, ShippingCredentials } from './easypost-client';
import { canonicalStatus } from './easypost-status';

// A return label link lives as long as a return window usually does.
const LABEL_LINK_TTL_SECONDS = 30 * 24 * 3600;
const DEFAULT_PARCEL = { length: 12, width: 9, height: 4, weight: 16 };

export interface EasyPostShippingDeps {
  credentials(storeId: string): Promise<ShippingCredentials | undefined>;
  client(apiKey: string): EasyPost;
  storage: ObjectStorage;
  resilience: Resilience;
  /** Downloads the label file (EasyPost serves it from `postage_label.label_url`). */
  download?(url: string, signal: AbortSignal): Promise<{ body: Uint8Array; contentType: string }>;
}

interface TrackerDetail {
  status?: string;
  status_detail?: string;
  message?: string;
  datetime?: string;
  tracking_location?: { city?: string | null; state?: string | null; country?: string | null } | null;
}

const place = (l: TrackerDetail['tracking_location']) => (l ? [l.city, l.state, l.country].filter(Boolean).join(', ') || null : null);

async function fetchLabel(url: string, signal: AbortSignal) {
  const response = await fetch(url, { signal });
  if (!response.ok) throw Object.assign(new Error(`label download: HTTP ${response.status}`), { status: response.status, headers: response.headers });
  return { body: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get('content-type') ?? 'application/pdf' };
}

/** The shopper's address as EasyPost's address object. */
const easyPostAddress = (a: Address) => ({ name: a.name ?? undefined, street1: a.address1, street2: a.address2 ?? undefined, city: a.city, state: a.province ?? undefined, zip: a.zip, country: a.country, phone: a.phone ?? undefined });

/**
 * Tracking and return labels through EasyPost with the official client. Tracking: the tracker for
 * the code (EasyPost creates or finds it), its status mapped to the canonical set, every scan, the
 * ETA. Return label: a return shipment (the original addresses, `is_return: true`: EasyPost swaps
 * them), the cheapest rate bought once (a retry after a timeout finds the postage already bought
 * and reads the shipment back), the PDF kept in object storage behind a signed, expiring link.
 */
export function easyPostShipping(deps: EasyPostShippingDeps): ShippingPort {
  const download = deps.download ?? fetchLabel;

  async function configured(storeId: string) {
    const credentials = await deps.credentials(storeId);
    if (!credentials) throw new AppError('unprocessable', 'no shipping provider is configured for this store');
    return { credentials, client: deps.client(credentials.apiKey) };
  }

  return {
    async getTracking(storeId, trackingNumber): Promise<TrackingInfo | undefined> {
      const { client } = await configured(storeId);
      let tracker;
      try {
        tracker = await deps.resilience.call({ storeId, provider: 'easypost', operation: 'tracking' }, () => client.Tracker.create({ tracking_code: trackingNumber }));
      } catch (error) {
        if ([404, 422].includes((error as { statusCode?: number }).statusCode ?? 0)) return undefined;
        throw error;
      }
      const details = ((tracker.tracking_details ?? []) as TrackerDetail[]).filter((d) => d.datetime).sort((a, b) => Date.parse(a.datetime!) - Date.parse(b.datetime!));
      const last = details.at(-1);
      const status = canonicalStatus(tracker.status, tracker.status_detail, last?.message);
      const delivered = status === 'delivered' ? details.findLast((d) => d.status === 'delivered') : undefined;
      return {
        carrier: tracker.carrier ?? null,
        trackingNumber,
        trackingUrl: tracker.public_url ?? null,
        status,
        estimatedDeliveryAt: tracker.est_delivery_date ? new Date(tracker.est_delivery_date) : null,
        deliveredAt: delivered?.datetime ? new Date(delivered.datetime) : null,
        events: details.map((d) => ({ status: canonicalStatus(d.status, d.status_detail, d.message), message: d.message ?? d.status ?? '', location: place(d.tracking_location), occurredAt: new Date(d.datetime!) })),
      };
    },

    async createReturnLabel(storeId, input, options): Promise<ReturnLabel> {
      const { credentials, client } = await configured(storeId);
      if (!credentials.returnAddress) throw new AppError('unprocessable', 'return labels need the store\'s return address in the shipping settings');
      if (!input.from) throw new AppError('unprocessable', 'the order has no shipping address to send the return from');
      const call = <T>(operation: string, run: (signal: AbortSignal) => Promise<T>) => deps.resilience.call({ storeId, provider: 'easypost', operation }, run);
      // The original shipment's addresses: to the shopper, from the warehouse; EasyPost swaps them for a return.
      const shipment = await call('return shipment', () =>
        client.Shipment.create({ to_address: easyPostAddress(input.from!), from_address: credentials.returnAddress, parcel: credentials.returnParcel ?? DEFAULT_PARCEL, is_return: true, reference: input.rma, options: { label_format: 'PDF' } }),
      );
      const rates = [...(shipment.rates ?? [])].sort((a, b) => Number(a.rate) - Number(b.rate));
      if (rates.length === 0) throw new AppError('unprocessable', 'easypost offered no rate for this return');
      let bought;
      try {
        bought = await call('buy label', () => client.Shipment.buy(shipment.id, rates[0]!));
      } catch (error) {
        // Bought by an attempt whose answer was lost: read the shipment back rather than buy twice.
        if ((error as { statusCode?: number }).statusCode !== 422) throw error;
        bought = await call('read label', () => client.Shipment.retrieve(shipment.id));
        if (!bought.postage_label) throw error;
      }
      const labelUrl = bought.postage_label?.label_url;
      if (!labelUrl || !bought.tracking_code) throw new AppError('unprocessable', 'easypost returned no label');
      const file = await call('download label', (signal) => download(labelUrl, signal));
      const key = `labels/${input.rma.replace(/[^A-Za-z0-9._-]/g, '_')}-${options.idempotencyKey.replace(/[^A-Za-z0-9]/g, '').slice(-12)}.pdf`;
      await deps.storage.put(storeId, key, file.body, 'application/pdf');
      return { carrier: bought.selected_rate?.carrier ?? rates[0]!.carrier, trackingNumber: bought.tracking_code, labelUrl: await deps.storage.signedUrl(storeId, key, LABEL_LINK_TTL_SECONDS) };
    },
  };
}
