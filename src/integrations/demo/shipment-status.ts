const CARRIER_URLS: Record<string, (n: string) => string> = {
  UPS: (n) => `https://www.ups.com/track?tracknum=${n}`,
  USPS: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  FedEx: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}`,
  DHL: (n) => `https://www.dhl.com/en/express/tracking.html?AWB=${n}`,
  'Canada Post': (n) => `https://www.canadapost-postescanada.ca/track-reperage/en#/details/${n}`,
};

/** The carrier's public tracking page for a number, when we know the carrier. */
export const trackingUrlFor = (carrier: string | null | undefined, number: string | null | undefined) => (carrier && number && CARRIER_URLS[carrier] ? CARRIER_URLS[carrier]!(number) : null);
