import type { ShipmentStatus } from '../core/commerce';

/** A shipment that needs more than a status line: what went wrong, and what happens next. */
export type ShipmentExceptionKind = 'returned_to_sender' | 'carrier_exception' | 'delivered_missing' | 'never_scanned' | 'no_movement';

export interface ShipmentException {
  kind: ShipmentExceptionKind;
  /** What we do about it (the reply says it plainly; the team follows it). */
  nextStep: 'reship_or_refund' | 'chase_carrier' | 'search_then_claim' | 'ask_warehouse' | 'open_trace';
  /** Hours since the last carrier scan (or since the label, when never scanned). */
  hoursSilent: number | null;
  /** The team must act: the conversation goes to a person. */
  needsTeam: boolean;
}

export interface ShipmentFacts {
  status: ShipmentStatus;
  /** The last carrier scan, when there is one (a label's creation is not a scan). */
  lastScanAt: Date | null;
  /** When the label was created (or the order marked shipped). */
  labelCreatedAt: Date | null;
  /** The shopper says a parcel marked delivered never arrived. */
  reportedMissing: boolean;
}

export const NO_MOVEMENT_HOURS = 72;
export const NEVER_SCANNED_HOURS = 72;

const hoursBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / 3_600_000);

/**
 * Carrier-aware WISMO: from the tracking facts, the exception a shopper should hear about, or null
 * when the status speaks for itself. Returned to sender and carrier exceptions always; delivered
 * but reported missing; a label never scanned after 72 hours; no carrier scan for 72 hours on a
 * parcel that is neither delivered nor waiting for pickup.
 */
export function detectShipmentException(facts: ShipmentFacts, now: Date): ShipmentException | null {
  if (facts.status === 'returning') return { kind: 'returned_to_sender', nextStep: 'reship_or_refund', hoursSilent: null, needsTeam: true };
  if (facts.status === 'exception') return { kind: 'carrier_exception', nextStep: 'chase_carrier', hoursSilent: null, needsTeam: true };
  if (facts.status === 'delivered') return facts.reportedMissing ? { kind: 'delivered_missing', nextStep: 'search_then_claim', hoursSilent: null, needsTeam: true } : null;
  if (facts.status === 'label_created' || facts.status === 'pending') {
    if (facts.lastScanAt || !facts.labelCreatedAt) return null;
    const hours = hoursBetween(facts.labelCreatedAt, now);
    return hours >= NEVER_SCANNED_HOURS ? { kind: 'never_scanned', nextStep: 'ask_warehouse', hoursSilent: hours, needsTeam: true } : null;
  }
  if (facts.status === 'pickup_ready') return null;
  const since = facts.lastScanAt ?? facts.labelCreatedAt;
  if (!since) return null;
  const hours = hoursBetween(since, now);
  return hours >= NO_MOVEMENT_HOURS ? { kind: 'no_movement', nextStep: 'open_trace', hoursSilent: hours, needsTeam: true } : null;
}

/** The carrier's events as facts: a label's creation is not a scan; the last real scan and the label's time. */
export function shipmentFactsFromEvents(status: ShipmentStatus, events: { status: ShipmentStatus; occurredAt: Date }[], shippedAt: Date | null): ShipmentFacts {
  const scans = events.filter((e) => e.status !== 'label_created' && e.status !== 'pending');
  const label = events.find((e) => e.status === 'label_created');
  return { status, lastScanAt: scans.at(-1)?.occurredAt ?? null, labelCreatedAt: label?.occurredAt ?? shippedAt, reportedMissing: false };
}
