import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectShipmentException } from './shipment-exceptions';

const now = new Date('2026-12-07T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const facts = (over: Partial<Parameters<typeof detectShipmentException>[0]>) => ({ status: 'in_transit' as const, lastScanAt: hoursAgo(5), labelCreatedAt: hoursAgo(50), reportedMissing: false, ...over });

test('no movement for 72 hours on a parcel in transit (or after a failed attempt) is an exception; 71 hours is not', () => {
  assert.equal(detectShipmentException(facts({ lastScanAt: hoursAgo(71) }), now), null);
  assert.deepEqual(detectShipmentException(facts({ lastScanAt: hoursAgo(72) }), now), { kind: 'no_movement', nextStep: 'open_trace', hoursSilent: 72, needsTeam: true });
  assert.equal(detectShipmentException(facts({ status: 'failed_attempt', lastScanAt: hoursAgo(100) }), now)?.kind, 'no_movement');
  assert.equal(detectShipmentException(facts({ status: 'stale', lastScanAt: hoursAgo(200) }), now)?.kind, 'no_movement');
  assert.equal(detectShipmentException(facts({ status: 'pickup_ready', lastScanAt: hoursAgo(200) }), now), null, 'waiting at a pickup point is not lost');
});

test('a label created and never scanned: an exception after 72 hours', () => {
  assert.equal(detectShipmentException(facts({ status: 'label_created', lastScanAt: null, labelCreatedAt: hoursAgo(30) }), now), null);
  assert.deepEqual(detectShipmentException(facts({ status: 'label_created', lastScanAt: null, labelCreatedAt: hoursAgo(80) }), now), { kind: 'never_scanned', nextStep: 'ask_warehouse', hoursSilent: 80, needsTeam: true });
  assert.equal(detectShipmentException(facts({ status: 'pending', lastScanAt: null, labelCreatedAt: hoursAgo(96) }), now)?.kind, 'never_scanned');
});

test('delivered but reported missing; delivered and not reported is fine', () => {
  assert.equal(detectShipmentException(facts({ status: 'delivered', lastScanAt: hoursAgo(300) }), now), null);
  assert.equal(detectShipmentException(facts({ status: 'delivered', reportedMissing: true }), now)?.kind, 'delivered_missing');
});

test('returned to sender and carrier exceptions, whatever the timing', () => {
  assert.equal(detectShipmentException(facts({ status: 'returning', lastScanAt: hoursAgo(1) }), now)?.kind, 'returned_to_sender');
  assert.equal(detectShipmentException(facts({ status: 'exception', lastScanAt: hoursAgo(1) }), now)?.kind, 'carrier_exception');
});
