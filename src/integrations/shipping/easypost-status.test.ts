import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalStatus } from './easypost-status';

test('every EasyPost tracker status maps to one canonical status', () => {
  const table: [status: string, detail: string | null, message: string | null, canonical: string][] = [
    ['unknown', null, null, 'pending'],
    ['pre_transit', 'label_created', 'Shipping label created', 'label_created'],
    ['in_transit', 'arrived_at_facility', 'Arrived at USPS facility', 'in_transit'],
    ['out_for_delivery', 'out_for_delivery', 'Out for delivery', 'out_for_delivery'],
    ['available_for_pickup', 'arrived_at_pickup_location', 'Available for pickup', 'pickup_ready'],
    ['delivered', 'arrived_at_destination', 'Delivered, front door', 'delivered'],
    ['return_to_sender', 'return', 'Return to sender', 'returning'],
    ['failure', 'delivery_exception', 'Address not found', 'exception'],
    ['error', null, null, 'exception'],
    ['cancelled', 'cancelled', null, 'stale'],
    ['in_transit', 'status_update', 'Delivery attempted - no access to delivery location', 'failed_attempt'],
    ['out_for_delivery', null, 'Notice left (no authorized recipient available)', 'failed_attempt'],
    ['in_transit', 'return', 'Returning to sender', 'returning'],
    ['something_new', null, null, 'pending'],
  ];
  for (const [status, detail, message, canonical] of table) assert.equal(canonicalStatus(status, detail, message), canonical, `${status}/${detail}/${message}`);
});
