import type { ShipmentStatus } from '../../core/commerce';

// Shopify's fulfillment shipment_status → our canonical shipment states.
const FROM_SHOPIFY: Record<string, ShipmentStatus> = {
  label_printed: 'label_created',
  label_purchased: 'label_created',
  confirmed: 'label_created',
  in_transit: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  attempted_delivery: 'failed_attempt',
  ready_for_pickup: 'pickup_ready',
  delivered: 'delivered',
  failure: 'exception',
  returning: 'returning',
};

export const canonicalShipmentStatus = (status: string | null | undefined): ShipmentStatus => (status ? (FROM_SHOPIFY[status] ?? 'pending') : 'pending');

const CARRIER_URLS: Record<string, (n: string) => string> = {
  UPS: (n) => `https://www.ups.com/track?tracknum=${n}`,
  USPS: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  FedEx: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  DHL: (n) => `https://www.dhl.com/en/express/tracking.html?AWB=${n}`,
  'Canada Post': (n) => `https://www.canadapost-postescanada.ca/track-reperage/en#/details/${n}`,
};

/** The carrier's public tracking page for a number, when we know the carrier. */
export const trackingUrlFor = (carrier: string | null | undefined, number: string | null | undefined) => (carrier && number && CARRIER_URLS[carrier] ? CARRIER_URLS[carrier]!(number) : null);
