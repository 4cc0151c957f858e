import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isProviderUnavailable } from '../src/core/provider-unavailable';
import { linkSigner } from '../src/core/signed-link';
import { localFolderStorage } from '../src/data/object-storage/local-folder-storage';
import { resilience } from '../src/integrations/resilience/resilient-call';
import { easyPostClients } from '../src/integrations/shipping/easypost-client';
import { easyPostShipping } from '../src/integrations/shipping/easypost-shipping';
import { demoStore } from './support/demo';
import { LABEL_PDF, startFakeEasyPost, type FakeEasyPost } from './support/fakes/easypost-server';
import { recordSent } from './support/log-capture';
import { createStore, startTestSystem, type TestSystem } from './support/system';

const RETURN_ADDRESS = { company: 'Demo Outfitters Returns', street1: '100 Warehouse Way', city: 'Portland', state: 'OR', zip: '97201', country: 'US' };
const HOUR = 3_600_000;

describe('EasyPost: tracking and return labels through the official client against a local EasyPost-protocol server', () => {
  let fake: FakeEasyPost;
  let t: TestSystem;
  let s: Awaited<ReturnType<typeof demoStore>>;

  before(async () => {
    fake = await startFakeEasyPost();
    recordSent('secret', fake.apiKey);
    t = await startTestSystem({ env: { EASYPOST_API_BASE: fake.baseUrl } });
    s = await demoStore(t);
    const patched = await t.app.inject({ method: 'PATCH', url: `/v1/stores/${s.storeId}/settings`, headers: s.headers, payload: { channels: { shipping: { provider: 'easypost', apiKey: fake.apiKey, returnAddress: RETURN_ADDRESS } } } });
    assert.equal(patched.statusCode, 200, patched.body);
  });
  after(async () => {
    await t.close();
    await fake.close();
  });

  /** An order of the demo store in a state, with its tracking number, scripted at EasyPost. */
  async function orderWithTracking(state: 'in_transit' | 'label_created' | 'delivered_recent' | 'returning', which: number, script: Parameters<FakeEasyPost['trackers']['set']>[1]) {
    const name = s.demo.index[state][which]!;
    const order = (await t.system.commerce.getOrder(s.storeId, name))!;
    const trackingNumber = order.fulfillments[0]!.trackingNumber!;
    fake.trackers.set(trackingNumber, script);
    return { name, order, trackingNumber };
  }

  async function askWhereIs(name: string, words = `where is my order ${name}?`) {
    const id = await s.start();
    await s.say(id, words);
    return s.say(id, s.demo.owners[name]!.email);
  }

  const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

  test('tracking: the carrier status mapped to the canonical set, every scan in order, the last event and the ETA', async () => {
    const eta = new Date(Date.now() + 2 * 24 * HOUR).toISOString();
    const { trackingNumber } = await orderWithTracking('in_transit', 0, {
      carrier: 'USPS',
      status: 'in_transit',
      est_delivery_date: eta,
      tracking_details: [
        { status: 'in_transit', message: 'Departed USPS Regional Facility', datetime: ago(5), tracking_location: { city: 'MEMPHIS', state: 'TN', country: 'US' } },
        { status: 'pre_transit', message: 'Shipping Label Created', datetime: ago(30) },
        { status: 'in_transit', message: 'Accepted at USPS Origin Facility', datetime: ago(20), tracking_location: { city: 'PORTLAND', state: 'OR', country: 'US' } },
      ],
    });
    const info = (await t.system.shipping.getTracking(s.storeId, trackingNumber))!;
    assert.equal(info.status, 'in_transit');
    assert.equal(info.carrier, 'USPS');
    assert.equal(info.estimatedDeliveryAt?.toISOString(), eta);
    assert.deepEqual(info.events.map((e) => e.status), ['label_created', 'in_transit', 'in_transit']);
    assert.equal(info.events.at(-1)!.message, 'Departed USPS Regional Facility');
    assert.equal(info.events.at(-1)!.location, 'MEMPHIS, TN, US');
  });

  test('WISMO from EasyPost: no carrier scan for 72 hours is said plainly, with the next step, and handed to the team', async () => {
    const { name } = await orderWithTracking('in_transit', 1, {
      carrier: 'UPS',
      status: 'in_transit',
      tracking_details: [
        { status: 'pre_transit', message: 'Label created', datetime: ago(130) },
        { status: 'in_transit', message: 'Arrived at facility', datetime: ago(100), tracking_location: { city: 'Louisville', state: 'KY' } },
      ],
    });
    const turn = await askWhereIs(name);
    assert.match(turn.reply!.content, /hasn't moved: UPS's last scan was 4 days ago/);
    assert.match(turn.reply!.content, /open a trace/);
    assert.equal(turn.escalated, true);
    assert.equal(turn.escalationReason, 'shipment_no_movement');
  });

  test('WISMO from EasyPost: a label never scanned after 72 hours, and a parcel returned to sender', async () => {
    const labelOnly = await orderWithTracking('in_transit', 2, { carrier: 'FedEx', status: 'pre_transit', tracking_details: [{ status: 'pre_transit', message: 'Shipment information sent to FedEx', datetime: ago(90) }] });
    const never = await askWhereIs(labelOnly.name);
    assert.match(never.reply!.content, /never scanned the parcel/);
    assert.equal(never.escalationReason, 'shipment_never_scanned');

    const back = await orderWithTracking('in_transit', 3, { carrier: 'USPS', status: 'return_to_sender', tracking_details: [{ status: 'return_to_sender', message: 'Return to Sender - Insufficient Address', datetime: ago(3) }] });
    const returned = await askWhereIs(back.name);
    assert.match(returned.reply!.content, /returning order .* to us/);
    assert.equal(returned.escalationReason, 'shipment_returning_to_sender');
  });

  test('WISMO from EasyPost: a recent scan is an ordinary in-transit answer with the carrier\'s last event', async () => {
    const { name } = await orderWithTracking('in_transit', 4, { carrier: 'USPS', status: 'out_for_delivery', tracking_details: [{ status: 'out_for_delivery', message: 'Out for Delivery', datetime: ago(2), tracking_location: { city: 'Denver', state: 'CO' } }] });
    const turn = await askWhereIs(name);
    assert.match(turn.reply!.content, /out for delivery/i);
    assert.equal(turn.escalated, false);
  });

  test('EasyPost down during WISMO: an honest reply and a handoff', async () => {
    const { name } = await orderWithTracking('in_transit', 5, { carrier: 'USPS', status: 'in_transit', tracking_details: [] });
    fake.faults = Array.from({ length: 6 }, () => ({ status: 503 }));
    const turn = await askWhereIs(name);
    fake.faults = [];
    assert.match(turn.reply!.content, /can't reach the store's order system right now/);
    assert.equal(turn.escalated, true);
    assert.equal(turn.escalationReason, 'provider_unavailable');
  });

  test('return label: a return shipment with the original addresses, the cheapest rate bought once, the PDF behind a signed link', async () => {
    const name = s.demo.index.delivered_recent[0]!;
    const order = (await t.system.commerce.getOrder(s.storeId, name))!;
    const before = fake.purchases.length;
    const label = await t.system.shipping.createReturnLabel(s.storeId, { orderId: order.id, rma: 'RMA-TEST-1', from: order.shippingAddress }, { idempotencyKey: 'return:test-1' });
    assert.equal(fake.purchases.length, before + 1);
    assert.equal(label.carrier, 'USPS', 'the cheaper of the two rates');
    const sent = fake.lastShipment!;
    assert.equal(sent.is_return, true);
    assert.equal((sent.to_address as { zip: string }).zip, order.shippingAddress!.zip, 'to the shopper, as the original shipment (EasyPost swaps for a return)');
    assert.equal((sent.from_address as { street1: string }).street1, RETURN_ADDRESS.street1);
    const url = new URL(label.labelUrl);
    assert.match(url.pathname, new RegExp(`^/files/${s.storeId}/labels/RMA-TEST-1-[A-Za-z0-9]+\\.pdf$`));
    assert.match(url.search, /^\?expires=\d+&signature=[A-Za-z0-9_-]{43}$/);
    const file = await t.app.inject({ method: 'GET', url: url.pathname + url.search });
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.deepEqual(file.rawPayload, LABEL_PDF);
  });

  test('a label purchase whose answer timed out is not bought twice', async () => {
    const name = s.demo.index.delivered_recent[1]!;
    const order = (await t.system.commerce.getOrder(s.storeId, name))!;
    const shipping = easyPostShipping({
      credentials: (storeId) => t.system.stores.channelCredentials(storeId, 'shipping'),
      client: easyPostClients(fake.baseUrl),
      storage: t.system.objectStorage,
      resilience: resilience({ timeoutMs: 150, baseDelayMs: 50, maxAttempts: 4 }),
    });
    const before = fake.purchases.length;
    fake.faults = [{ delayMs: 0 }, { delayMs: 400 }];
    const label = await shipping.createReturnLabel(s.storeId, { orderId: order.id, rma: 'RMA-TEST-2', from: order.shippingAddress }, { idempotencyKey: 'return:test-2' });
    assert.equal(fake.purchases.length, before + 1, 'one postage bought');
    assert.ok(label.trackingNumber.length > 10);
    assert.ok(fake.requests.some((r) => /\/buy$/.test(r.path) && r.status === 422), 'the retry found the postage bought and read it back');
  });

  test('signed links: an expired or tampered link is 403; the link names one object of one store', async () => {
    const links = linkSigner(Buffer.from(t.system.keyring.derive('concierge-file-links'), 'base64'));
    await t.system.objectStorage.put(s.storeId, 'labels/expiring.pdf', LABEL_PDF, 'application/pdf');
    await t.system.objectStorage.put(s.storeId, 'labels/other.pdf', LABEL_PDF, 'application/pdf');
    const issuedEarlier = localFolderStorage('/nonexistent', links, 'http://127.0.0.1:3000', () => Date.now() - 2 * HOUR);
    const expired = new URL(await issuedEarlier.signedUrl(s.storeId, 'labels/expiring.pdf', 3600));
    const response = await t.app.inject({ method: 'GET', url: expired.pathname + expired.search });
    assert.equal(response.statusCode, 403);
    assert.match(response.json().error.message, /expired/);

    const good = new URL(await t.system.objectStorage.signedUrl(s.storeId, 'labels/expiring.pdf', 60));
    assert.equal((await t.app.inject({ method: 'GET', url: good.pathname + good.search })).statusCode, 200);
    const expires = Number(good.searchParams.get('expires'));
    const signature = good.searchParams.get('signature')!;
    const other = await createStore(t, 'Other shop');
    for (const [why, url] of [
      ['another object', `/files/${s.storeId}/labels/other.pdf${good.search}`],
      ['another store', `/files/${other.storeId}/labels/expiring.pdf${good.search}`],
      ['a later expiry', `${good.pathname}?expires=${expires + 3600}&signature=${signature}`],
      ['a changed signature', `${good.pathname}?expires=${expires}&signature=${signature.slice(0, -2)}xx`],
      ['no signature', `${good.pathname}?expires=${expires}`],
      ['no query', good.pathname],
    ] as const) {
      const refused = await t.app.inject({ method: 'GET', url });
      assert.equal(refused.statusCode, 403, why);
    }
    await assert.rejects(t.system.objectStorage.put(s.storeId, '../escape.pdf', LABEL_PDF, 'application/pdf'), /object key/);
  });

  test('the connection test reads the EasyPost account with the stored key', async () => {
    const ok = await t.app.inject({ method: 'POST', url: `/v1/stores/${s.storeId}/integrations/shipping/test`, headers: s.headers });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json(), { provider: 'shipping', ok: true, message: 'EasyPost accepted the key' });
  });

  test('an unknown or refused API key is not reported as the provider being down', async () => {
    const shipping = easyPostShipping({
      credentials: async () => ({ provider: 'easypost', apiKey: 'EZTKwrongkey' }),
      client: easyPostClients(fake.baseUrl),
      storage: t.system.objectStorage,
      resilience: resilience({ maxAttempts: 2 }),
    });
    await assert.rejects(shipping.getTracking(s.storeId, '9400TEST'), (e) => !isProviderUnavailable(e) && (e as { statusCode?: number }).statusCode === 401);
  });
});
