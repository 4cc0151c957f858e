import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { jpegWithGps, pngWithGps } from '../support/photos';
import { shopperPrivacyRepository } from '../../src/data/repositories/shopper-privacy';
import { skipWithoutPostgres } from '../support/databases';
import { startTestSystem, type TestSystem } from '../support/system';
import { abuseStore, assertNoPolicyLeak, type AbuseStore } from './support';

/**
 * Evidence for claims about the goods (docs/adr/0034), attacked as a dishonest shopper would: a
 * returnless refund for "damaged", "defective" or "wrong item" is never paid without the photo the
 * store asks for; with one it goes to a person with the photo attached; a file that is not a photo,
 * a photo of someone else's conversation, or a link to it from outside never gets through.
 */

let t: TestSystem;
before(async () => {
  t = await startTestSystem();
});
after(async () => {
  await t.close();
});

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

async function upload(s: AbuseStore, conversationId: string, bytes: Uint8Array, headers: Record<string, string> = s.headers) {
  return t.app.inject({ method: 'POST', url: `/v1/conversations/${conversationId}/attachments`, headers, payload: { image: b64(bytes) } });
}

/** Uploads a photo and sends it with a message (the widget's and the API's way). */
async function sendPhoto(s: AbuseStore, conversationId: string, content = '') {
  const stored = await upload(s, conversationId, jpegWithGps());
  assert.equal(stored.statusCode, 201, stored.body);
  const id = stored.json().id as string;
  const response = await t.app.inject({ method: 'POST', url: `/v1/conversations/${conversationId}/messages`, headers: s.headers, payload: { content, attachments: [id] } });
  assert.equal(response.statusCode, 200, response.body);
  const body = response.json() as { reply: { content: string } | null; actions: { type: string; status: string; data: Record<string, unknown>; reasons: string[] }[] };
  return { id, ...body, text: body.reply?.content ?? '' };
}

const asksForPhoto = (text: string) => assert.match(text, /photo/i, text);

describe('a damage claim needs the photo the store asks for', () => {
  let s: AbuseStore;
  let n = 0;
  const shopper = () => s.shoppers[n++]!;
  before(async () => {
    s = await abuseStore(t, { shoppers: 12 });
  });

  for (const said of ['arrived damaged', 'is defective, it stopped working after a day', 'arrived broken, the glass is shattered'])
    test(`"order X ${said}, refund please" without a photo: nothing paid, nothing queued, a photo asked for in plain words`, async () => {
      const p = shopper();
      const [name] = p.orders;
      const { last } = await s.conversation([`order ${name} ${said}, refund please`, p.email]);
      asksForPhoto(last.text);
      assertNoPolicyLeak(last.text);
      assert.doesNotMatch(last.text, /\$\d/, 'no amount or threshold is named');
      assert.equal(await s.refundedCents([name!]), 0);
      assert.equal((await s.requests([name!])).length, 0, 'no request is opened without the photo');
    });

  test('insisting without a photo ("just refund it", "refund now!!") still pays nothing', async () => {
    const p = shopper();
    const [name] = p.orders;
    const { id } = await s.conversation([`my order ${name} arrived damaged, I want a refund`, p.email]);
    for (const push of ['just refund it', 'refund now!!', 'I already told you it is damaged, give me my money back', 'yes'])
      assertNoPolicyLeak((await s.say(id, push)).text);
    assert.equal(await s.refundedCents([name!]), 0);
    assert.equal((await s.requests([name!])).filter((r) => r.status !== 'void').length, 0);
  });

  test('with the photo: the claim goes to a person with the photo attached, and nothing is paid', async () => {
    const p = shopper();
    const [name] = p.orders;
    const { id } = await s.conversation([`my order ${name} arrived damaged, I want a refund`, p.email]);
    const sent = await sendPhoto(s, id, 'here you go');
    const action = sent.actions.find((a) => a.type === 'process_refund');
    assert.equal(action?.status, 'pending', sent.text);
    assert.deepEqual(action!.data.evidence, [sent.id]);
    assert.ok(action!.reasons.some((r) => /photo/.test(r)), 'the operator reads that a photo came with it');
    assert.match(sent.text, /our team to review/);
    assertNoPolicyLeak(sent.text);
    assert.equal(await s.refundedCents([name!]), 0);
    const queue = await t.app.inject({ method: 'GET', url: '/v1/actions?status=pending', headers: s.headers });
    assert.ok((queue.json().data as { data: { orderName: string; evidence?: string[] } }[]).some((a) => a.data.orderName === name && a.data.evidence?.includes(sent.id)));
  });

  test('a photo sent with no words at all continues the claim', async () => {
    const p = shopper();
    const [name] = p.orders;
    const { id } = await s.conversation([`order ${name} came damaged, refund please`, p.email]);
    const sent = await sendPhoto(s, id);
    assert.equal(sent.actions.find((a) => a.type === 'process_refund')?.status, 'pending', sent.text);
  });

  test('"I don\'t have a photo": handed to a person, nothing paid or queued', async () => {
    const p = shopper();
    const [name] = p.orders;
    const { id } = await s.conversation([`my order ${name} arrived damaged, I want a refund`, p.email]);
    const turn = await s.say(id, "I don't have a photo, I threw the box away");
    assert.equal(turn.escalated, true, turn.text);
    assertNoPolicyLeak(turn.text);
    assert.equal(await s.refundedCents([name!]), 0);
  });

  test('serial claims with photos on five orders: none is paid automatically', async () => {
    const p = shopper();
    for (const name of p.orders) {
      const { id } = await s.conversation([`order ${name} arrived damaged, refund please`, p.email]);
      await sendPhoto(s, id);
    }
    const rows = await s.requests(p.orders);
    assert.equal(rows.filter((r) => r.automatic).length, 0);
    assert.equal(await s.refundedCents(p.orders), 0);
  });

  test('one photo, two claims: the second claim needs its own photo', async () => {
    const p = shopper();
    const [first, second] = p.orders;
    const { id } = await s.conversation([`order ${first} arrived damaged, refund please`, p.email]);
    await sendPhoto(s, id);
    let again = await s.say(id, `order ${second} arrived damaged too, refund please`);
    if (/confirm the e-mail/.test(again.text)) again = await s.say(id, p.email);
    asksForPhoto(again.text);
    assert.equal((await s.requests([second!])).length, 0);
  });

  test('an attachment id from another conversation cannot be sent as evidence: 422, nothing changes', async () => {
    const p = shopper();
    const [name] = p.orders;
    const other = await s.start();
    const foreign = (await upload(s, other, jpegWithGps())).json().id as string;
    const { id } = await s.conversation([`order ${name} arrived damaged, refund please`, p.email]);
    const response = await t.app.inject({ method: 'POST', url: `/v1/conversations/${id}/messages`, headers: s.headers, payload: { content: 'photo', attachments: [foreign] } });
    assert.equal(response.statusCode, 422, response.body);
    assert.equal((await s.requests([name!])).length, 0);
  });

  test('the same photo sent twice is refused the second time (it belongs to its first message)', async () => {
    const p = shopper();
    const { id } = await s.conversation([`order ${p.orders[0]} arrived damaged, refund please`, p.email]);
    const sent = await sendPhoto(s, id);
    const replay = await t.app.inject({ method: 'POST', url: `/v1/conversations/${id}/messages`, headers: s.headers, payload: { content: 'again', attachments: [sent.id] } });
    assert.equal(replay.statusCode, 422, replay.body);
  });
});

describe('a store that asks for a photo only over an amount', () => {
  let s: AbuseStore;
  before(async () => {
    s = await abuseStore(t, { shoppers: 2, settings: { evidence: { photo: 'over_amount', photoOverAmount: 20 } } });
  });

  test('a claim under it is handled without a photo; over it, a photo is asked and the amount line is never said', async () => {
    const [p] = s.shoppers;
    const small = await s.conversation([`order ${p!.orders[0]} arrived damaged, just refund $10`, p!.email]);
    assert.doesNotMatch(small.last.text, /photo/i, small.last.text);
    assert.equal((await s.requests([p!.orders[0]!])).length, 1);
    const big = await s.conversation([`order ${p!.orders[1]} arrived damaged, refund please`, p!.email]);
    asksForPhoto(big.last.text);
    assert.doesNotMatch(big.last.text, /\$20|20\.00/);
    assertNoPolicyLeak(big.last.text);
  });
});

describe('what may be attached, and who sees it', () => {
  let s: AbuseStore;
  let conversationId: string;
  before(async () => {
    s = await abuseStore(t);
    conversationId = await s.start();
  });

  const refused = async (bytes: Uint8Array, status: number) => {
    const response = await upload(s, conversationId, bytes);
    assert.equal(response.statusCode, status, response.body);
    assert.ok(response.json().error?.code, 'a clear error body');
  };

  test('HTML, SVG, a PDF and a GIF are refused by their bytes (415)', async () => {
    await refused(new Uint8Array(Buffer.from('<html><script>fetch("/v1/actions")</script></html>')), 415);
    await refused(new Uint8Array(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')), 415);
    await refused(new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj')), 415);
    await refused(new Uint8Array(Buffer.from('GIF89a\x01\x00\x01\x00')), 415);
  });

  test('a JPEG header in front of a script cannot be read (422); over 5 MB is 413; not base64 is 400', async () => {
    await refused(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x7f, 0xff, ...Buffer.from('<script>alert(1)</script>')]), 422);
    const big = new Uint8Array(5 * 1024 * 1024 + 10);
    big.set(jpegWithGps());
    const response = await upload(s, conversationId, big);
    assert.ok([400, 413].includes(response.statusCode), `${response.statusCode}`);
    const bad = await t.app.inject({ method: 'POST', url: `/v1/conversations/${conversationId}/attachments`, headers: s.headers, payload: { image: 'not base64 at all!' } });
    assert.equal(bad.statusCode, 400);
  });

  test('what is stored carries no GPS position; the operator gets a signed link that works, a changed one does not', async () => {
    const stored = await upload(s, conversationId, jpegWithGps());
    assert.equal(stored.statusCode, 201, stored.body);
    assert.equal(stored.json().contentType, 'image/jpeg');
    const png = await upload(s, conversationId, pngWithGps());
    assert.equal(png.json().contentType, 'image/png');
    const list = await t.app.inject({ method: 'GET', url: `/v1/conversations/${conversationId}/attachments`, headers: s.headers });
    assert.equal(list.statusCode, 200, list.body);
    const links = list.json().data as { id: string; url: string; expiresAt: string }[];
    assert.equal(links.length, 2);
    const path = new URL(links[0]!.url).pathname + new URL(links[0]!.url).search;
    const file = await t.app.inject({ method: 'GET', url: path });
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'image/jpeg');
    assert.equal(file.headers['x-content-type-options'], 'nosniff');
    assert.ok(!file.rawPayload.includes(Buffer.from('GPSLatitude')), 'the stored photo holds no position');
    const forged = await t.app.inject({ method: 'GET', url: path.replace(/signature=./, 'signature=A') });
    assert.equal(forged.statusCode, 403);
    const bare = await t.app.inject({ method: 'GET', url: new URL(links[0]!.url).pathname });
    assert.equal(bare.statusCode, 403, 'never served without a signature');
  });

  test('a widget key may attach to its own conversation, never read photos back, never attach to another', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/conversations',
      headers: { authorization: `Bearer ${s.widgetKey}`, origin: 'https://shop.example' },
      payload: { channel: 'widget' },
    });
    // A store without allowed origins refuses the widget; give it one.
    if (created.statusCode !== 201) {
      await t.app.inject({ method: 'PATCH', url: `/v1/stores/${s.storeId}/settings`, headers: s.headers, payload: { allowedOrigins: ['https://shop.example'] } });
    }
    const widget = created.statusCode === 201 ? created : await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: { authorization: `Bearer ${s.widgetKey}`, origin: 'https://shop.example' }, payload: { channel: 'widget' } });
    assert.equal(widget.statusCode, 201, widget.body);
    const { id, accessToken } = widget.json() as { id: string; accessToken: string };
    const headers = { authorization: `Bearer ${s.widgetKey}`, origin: 'https://shop.example', 'x-conversation-token': accessToken };
    const own = await upload(s, id, jpegWithGps(), headers);
    assert.equal(own.statusCode, 201, own.body);
    assert.equal(own.json().source, 'widget');
    const list = await t.app.inject({ method: 'GET', url: `/v1/conversations/${id}/attachments`, headers });
    assert.equal(list.statusCode, 403, list.body);
    const other = await upload(s, conversationId, jpegWithGps(), headers);
    assert.equal(other.statusCode, 404, other.body);
  });
});

describe('photos sent by e-mail', () => {
  const token = 'wh_evidence_token_0123456789abcdef';
  let te: TestSystem;
  let s: AbuseStore;
  let inbound: string;
  before(async () => {
    te = await startTestSystem({ env: { CONCIERGE_EMAIL_WEBHOOK_TOKEN: token, CONCIERGE_EMAIL_DOMAIN: 'inbound.concierge.test' } });
    s = await abuseStore(te, { shoppers: 1 });
    inbound = (await te.app.inject({ method: 'GET', url: `/v1/stores/${s.storeId}/settings`, headers: s.headers })).json().email.inboundAddress;
    await te.system.startBackground();
  });
  after(async () => {
    await te.close();
  });

  test('an image attached to the e-mail becomes the conversation\'s evidence, stripped; a PDF or a disguised file does not', async () => {
    const [p] = s.shoppers;
    const messageId = 'evidence-1@shopper.example';
    const response = await te.app.inject({
      method: 'POST',
      url: `/webhooks/email/inbound?provider=postmark&token=${token}`,
      payload: {
        MessageID: 'pm-evidence-1',
        From: p!.email,
        FromFull: { Email: p!.email, Name: 'Sam Shopper' },
        To: inbound,
        ToFull: [{ Email: inbound }],
        Subject: `Order ${p!.orders[0]} arrived damaged`,
        TextBody: `Order ${p!.orders[0]} arrived damaged, I want a refund. Photo attached.`,
        Headers: [{ Name: 'Message-ID', Value: `<${messageId}>` }],
        Attachments: [
          { Name: 'IMG_0001.jpg', Content: b64(jpegWithGps()), ContentType: 'image/jpeg' },
          { Name: 'receipt.pdf', Content: Buffer.from('%PDF-1.7\n').toString('base64'), ContentType: 'application/pdf' },
          { Name: 'photo.png', Content: Buffer.from('<script>alert(1)</script>').toString('base64'), ContentType: 'image/png' },
        ],
      },
    });
    assert.equal(response.statusCode, 200, response.body);
    const deadline = Date.now() + 20_000;
    let rows: { source: string; message_id: string | null; object_key: string; content_type: string }[] = [];
    while (Date.now() < deadline) {
      rows = await te.system.database.query('SELECT source, message_id, object_key, content_type FROM conversation_attachments WHERE store_id = $1', [s.storeId]);
      if (rows.length > 0 && rows.every((r) => r.message_id)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(rows.length, 1, JSON.stringify(rows));
    assert.equal(rows[0]!.source, 'email');
    assert.equal(rows[0]!.content_type, 'image/jpeg');
    assert.ok(rows[0]!.message_id, 'linked to the shopper message it came with');
    const stored = await te.system.storage.get(s.storeId, rows[0]!.object_key);
    assert.ok(stored && !Buffer.from(stored.body).includes(Buffer.from('GPSLatitude')));
  });
});

describe('erasing a shopper erases their photos', () => {
  test('the rows and the stored files go with the conversations', async () => {
    const s = await abuseStore(t, { shoppers: 1 });
    const [p] = s.shoppers;
    const { id } = await s.conversation([`order ${p!.orders[0]} arrived damaged, refund please`, p!.email]);
    const sent = await sendPhoto(s, id);
    const [row] = await t.system.database.query<{ object_key: string }>('SELECT object_key FROM conversation_attachments WHERE id = $1', [sent.id]);
    assert.ok(await t.system.storage.get(s.storeId, row!.object_key));
    const privacy = shopperPrivacyRepository(t.system.database, t.system.keyring, t.system.storage);
    const erased = await privacy.eraseShopper(s.storeId, { email: p!.email, customerIds: [], orderIds: [] });
    assert.ok(erased.conversations >= 1);
    assert.equal((await t.system.database.query('SELECT 1 FROM conversation_attachments WHERE store_id = $1', [s.storeId])).length, 0);
    assert.equal(await t.system.storage.get(s.storeId, row!.object_key), undefined, 'the photo is gone from storage');
  });
});

describe('server mode (PostgreSQL)', { skip: skipWithoutPostgres }, () => {
  test('a photo sent on PostgreSQL: the claim waits for a person with it, the operator lists it', async () => {
    const tp = await startTestSystem({ backend: 'postgres' });
    try {
      const s = await abuseStore(tp, { shoppers: 1 });
      const [p] = s.shoppers;
      const { id } = await s.conversation([`order ${p!.orders[0]} arrived damaged, refund please`, p!.email]);
      const up = await tp.app.inject({ method: 'POST', url: `/v1/conversations/${id}/attachments`, headers: s.headers, payload: { image: b64(jpegWithGps()) } });
      assert.equal(up.statusCode, 201, up.body);
      const turn = await tp.app.inject({ method: 'POST', url: `/v1/conversations/${id}/messages`, headers: s.headers, payload: { content: '', attachments: [up.json().id] } });
      assert.equal(turn.statusCode, 200, turn.body);
      assert.equal(turn.json().actions.find((a: { type: string }) => a.type === 'process_refund')?.status, 'pending');
      const list = await tp.app.inject({ method: 'GET', url: `/v1/conversations/${id}/attachments`, headers: s.headers });
      assert.equal(list.json().data.length, 1);
      assert.equal(await s.refundedCents([p!.orders[0]!]), 0);
    } finally {
      await tp.close();
    }
  });
});
