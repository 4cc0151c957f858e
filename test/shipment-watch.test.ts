import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SHIPMENT_SCAN_JOB } from '../src/agent/proactive/shipment-watch';
import { shipmentWatchSchedule } from '../src/agent/proactive/shipment-watch-schedule';
import { shipmentNotices } from '../src/data/repositories/shipment-notices';
import { demoStore } from './support/demo';
import { eventually } from './support/eventually';
import { startSmtpSink } from './support/smtp-sink';
import { startTestSystem, type TestSystem } from './support/system';

/** Issue 16: the shipment watch tells the shopper of a stuck parcel before they ask, once, and hands it to the team. */
describe('shipment watch (proactive carrier exceptions)', () => {
  let t: TestSystem;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let s: Awaited<ReturnType<typeof demoStore>>;
  let other: Awaited<ReturnType<typeof demoStore>>;

  const conversationsOf = (storeId: string) =>
    t.system.database.query<{ id: string; status: string; metadata: { proactive?: { kind: string; orderName: string }; customer?: { email: string }; handoff?: { reason: string } } }>(
      `SELECT id, status, metadata FROM conversations WHERE store_id = $1 ORDER BY created_at`,
      [storeId],
    );
  const watchOn = (storeId: string, headers: Record<string, string>, on: boolean) =>
    t.app.inject({ method: 'PATCH', url: `/v1/stores/${storeId}/settings`, headers, payload: { proactive: { shipmentExceptions: on } } });

  before(async () => {
    sink = await startSmtpSink();
    // The schedule is off here: scans are run by hand, and the e-mail outbox sends what they write.
    t = await startTestSystem({ env: { SMTP_URL: sink.url, CONCIERGE_SHIPMENT_WATCH_MINUTES: '0', CONCIERGE_EMAIL_DOMAIN: 'inbound.concierge.test' } });
    s = await demoStore(t);
    other = await demoStore(t);
    await t.system.startBackground();
  });
  after(async () => {
    await t.close();
    await sink.close();
  });

  test('off by default: a scan looks at nothing and writes to nobody', async () => {
    const settings = await t.app.inject({ method: 'GET', url: `/v1/stores/${s.storeId}/settings`, headers: s.headers });
    assert.deepEqual(settings.json().proactive, { shipmentExceptions: false });
    assert.deepEqual(await t.system.shipmentWatch.scanStore(s.storeId), { orders: 0, shipments: 0, untracked: 0, exceptions: 0, notified: 0 });
    assert.equal((await conversationsOf(s.storeId)).length, 0);
  });

  test('a bad setting is refused and changes nothing', async () => {
    const bad = await t.app.inject({ method: 'PATCH', url: `/v1/stores/${s.storeId}/settings`, headers: s.headers, payload: { proactive: { shipmentExceptions: 'yes' } } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'validation_failed');
    const unknown = await t.app.inject({ method: 'PATCH', url: `/v1/stores/${s.storeId}/settings`, headers: s.headers, payload: { proactive: { everything: true } } });
    assert.equal(unknown.statusCode, 400);
    assert.equal((await t.app.inject({ method: 'GET', url: `/v1/stores/${s.storeId}/settings`, headers: s.headers })).json().proactive.shipmentExceptions, false);
  });

  test('turned on: every stuck, returning or held-up parcel is told to its shopper once, by e-mail, and handed to the team', async () => {
    assert.equal((await watchOn(s.storeId, s.headers, true)).statusCode, 200);
    const report = await t.system.shipmentWatch.scanStore(s.storeId);
    assert.ok(report.orders > 50, `orders ${report.orders}`);
    assert.ok(report.exceptions >= 6 + 3, `the demo store's carrier exceptions and returns at least: ${JSON.stringify(report)}`);
    assert.equal(report.notified, report.exceptions, 'every demo order has an e-mail address');

    const opened = await conversationsOf(s.storeId);
    assert.equal(opened.length, report.notified);
    const kinds = new Set(opened.map((c) => c.metadata.proactive?.kind));
    assert.ok(kinds.has('carrier_exception') && kinds.has('returned_to_sender'), [...kinds].join(','));
    for (const c of opened) {
      assert.equal(c.status, 'handed_off');
      assert.match(c.metadata.handoff!.reason, /^shipment_/);
    }
    // The shoppers of the demo's exception orders are among those written to, and only the orders' own addresses.
    const exceptionOrders = s.demo.index.exception.map((name) => s.demo.owners[name]!.email);
    for (const email of exceptionOrders) assert.ok(opened.some((c) => c.metadata.customer?.email === email), email);

    // The outbox sends each message once, threaded, from the store, saying which order and what happens next.
    const mails = await eventually(async () => (sink.received.length >= opened.length ? sink.received : undefined), 20_000);
    assert.ok(mails, `sent ${sink.received.length} of ${opened.length}`);
    for (const c of opened) {
      const to = c.metadata.customer!.email;
      const mail: typeof mails = mails.filter((m) => m.envelope.to.includes(to) && m.parsed.subject === `About your order ${c.metadata.proactive!.orderName}`);
      assert.equal(mail.length, 1, `${to}: ${mail.length} e-mails`);
      assert.match(mail[0]!.parsed.text ?? '', new RegExp(`order ${c.metadata.proactive!.orderName}`));
      assert.equal(mail[0]!.parsed.headers.get('auto-submitted'), 'auto-generated', 'we wrote first: not a reply');
      assert.doesNotMatch(mail[0]!.parsed.text ?? '', /\$50|auto-approve|limit|shipment_/);
    }
  });

  test('a second scan tells nobody again; the other store, with the watch off, heard nothing', async () => {
    const again = await t.system.shipmentWatch.scanStore(s.storeId);
    assert.ok(again.exceptions > 0);
    assert.equal(again.notified, 0);
    assert.equal((await conversationsOf(other.storeId)).length, 0);
    assert.equal((await t.system.shipmentWatch.scanStore(other.storeId)).notified, 0);
  });

  test('a claim whose sender crashed before writing is taken again, only once it is stale', async () => {
    const notices = shipmentNotices(t.system.database);
    const key = { storeId: other.storeId, fulfillmentId: 'ful_crashed', kind: 'no_movement', orderId: 'order-1' };
    assert.equal(await notices.claim(key, 60_000), true);
    assert.equal(await notices.claim(key, 60_000), false, 'a fresh claim is someone at work');
    assert.equal(await notices.claim(key, 0), true, 'no conversation after the stale time: sent again');
    const { id } = (await conversationsOf(s.storeId))[0]!;
    await notices.sent(key, id);
    assert.equal(await notices.claim(key, 0), false, 'sent: final');
  });

  test('the schedule queues one scan a store a period, however often it runs', async () => {
    const queued: string[] = [];
    const schedule = shipmentWatchSchedule(
      {
        storeIds: async () => [s.storeId, other.storeId],
        settings: (storeId) => t.system.stores.settings(storeId),
        queue: {
          enqueue: async (kind, payload, options) => {
            const created = !queued.includes(options!.dedupeKey!);
            if (created) queued.push(options!.dedupeKey!);
            assert.equal(kind, SHIPMENT_SCAN_JOB);
            assert.deepEqual(payload, { storeId: s.storeId }, 'only the store that turned it on');
            return { id: options!.dedupeKey!, created };
          },
        },
        now: () => new Date('2026-12-07T10:15:00Z'),
        log: { warn: () => undefined },
      },
      3_600_000,
    );
    assert.equal(await schedule.enqueueDue(), 1);
    assert.equal(await schedule.enqueueDue(), 0);
    // And on the real queue, the dedupe key holds across callers.
    const first = await t.system.jobs.queue.enqueue(SHIPMENT_SCAN_JOB, { storeId: s.storeId }, { storeId: s.storeId, dedupeKey: `${s.storeId}:1` });
    const second = await t.system.jobs.queue.enqueue(SHIPMENT_SCAN_JOB, { storeId: s.storeId }, { storeId: s.storeId, dedupeKey: `${s.storeId}:1` });
    assert.equal(first.id, second.id);
    assert.equal(second.created, false);
  });
});
