import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toCatalogRecords } from '../demo/to-records';
import { fulfilmentCounts, fulfilmentLineItems, orderFulfilmentStatus, shopifyShipmentStatus } from './fulfillment-semantics';

describe('Shopify fulfilment semantics', () => {
  it('maps every shipment_status Shopify writes, in REST and GraphQL spelling', () => {
    assert.equal(shopifyShipmentStatus('label_printed'), 'label_created');
    assert.equal(shopifyShipmentStatus('LABEL_PURCHASED'), 'label_created');
    assert.equal(shopifyShipmentStatus('attempted_delivery'), 'failed_attempt');
    assert.equal(shopifyShipmentStatus('ATTEMPTED_DELIVERY'), 'failed_attempt');
    assert.equal(shopifyShipmentStatus('failure'), 'exception');
    assert.equal(shopifyShipmentStatus('ready_for_pickup'), 'pickup_ready');
    assert.equal(shopifyShipmentStatus('IN_TRANSIT'), 'in_transit');
    assert.equal(shopifyShipmentStatus('delivered'), 'delivered');
    assert.equal(shopifyShipmentStatus(null), 'pending');
    assert.equal(shopifyShipmentStatus('something_new'), 'pending');
  });

  it('a cancelled or failed fulfilment is not a shipment', () => {
    assert.equal(fulfilmentCounts('success'), true);
    assert.equal(fulfilmentCounts('SUCCESS'), true);
    assert.equal(fulfilmentCounts('cancelled'), false);
    assert.equal(fulfilmentCounts('CANCELLED'), false);
    assert.equal(fulfilmentCounts('failure'), false);
  });

  it('a fulfilment listing no items on a fulfilled order carries what no other fulfilment carries', () => {
    const order = { fulfillmentStatus: 'fulfilled', lineItemIds: ['a', 'b', 'c'] };
    assert.deepEqual(fulfilmentLineItems(order, [{ listedLineItemIds: [] }]), [['a', 'b', 'c']]);
    assert.deepEqual(fulfilmentLineItems(order, [{ listedLineItemIds: ['a'] }, { listedLineItemIds: [] }]), [['a'], ['b', 'c']]);
    // On a partial order, which items an unlisted fulfilment carries is unknown: none is claimed shipped.
    assert.deepEqual(fulfilmentLineItems({ ...order, fulfillmentStatus: 'partial' }, [{ listedLineItemIds: ['a'] }, { listedLineItemIds: [] }]), [['a'], []]);
    // Ids the order does not have are dropped.
    assert.deepEqual(fulfilmentLineItems(order, [{ listedLineItemIds: ['a', 'zzz'] }]), [['a']]);
  });

  it('order-level statuses in both spellings', () => {
    assert.equal(orderFulfilmentStatus('FULFILLED'), 'fulfilled');
    assert.equal(orderFulfilmentStatus('PARTIALLY_FULFILLED'), 'partial');
    assert.equal(orderFulfilmentStatus(null), 'unfulfilled');
    assert.equal(orderFulfilmentStatus('ON_HOLD'), 'unfulfilled');
  });

  it('the demo import reads a fulfilled order whose fulfilment lists no items as shipped (issue 16)', () => {
    const records = toCatalogRecords({
      customers: [],
      products: [],
      orders: [
        {
          id: '9001',
          name: '#9001',
          financial_status: 'paid',
          fulfillment_status: 'fulfilled',
          currency: 'USD',
          total_price: '30.00',
          line_items: [{ id: '1', title: 'Merino Beanie', quantity: 1, price: '30.00' }],
          fulfillments: [
            { id: 'f1', status: 'success', shipment_status: 'label_printed', tracking_company: 'UPS', tracking_number: '1Z999', line_items: [] },
            { id: 'f2', status: 'cancelled', shipment_status: 'in_transit', tracking_number: '1Z000', line_items: [{ id: '1' }] },
          ],
          refunds: [],
        },
      ],
    } as never);
    const [order] = records.orders;
    assert.equal(order!.fulfillments.length, 1, 'the cancelled fulfilment is not a shipment');
    assert.deepEqual(order!.fulfillments[0]!.lineItemExternalIds, ['1']);
    assert.equal(order!.fulfillments[0]!.shipmentStatus, 'label_created');
    assert.equal(order!.fulfillmentStatus, 'fulfilled');
  });
});
