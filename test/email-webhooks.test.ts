import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createStore, startTestSystem, type TestSystem } from './support/system';

const WEBHOOK_TOKEN = `wh_${randomBytes(18).toString('hex')}`;
const MAILGUN_KEY = `mg-signing-${randomBytes(12).toString('hex')}`;

function multipart(fields: Record<string, string>, files: { name: string; filename: string; type: string; content: Buffer }[] = []) {
  const boundary = `----concierge${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const f of files) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.content, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const basic = (password: string) => ({ authorization: `Basic ${Buffer.from(`postmark:${password}`).toString('base64')}` });

describe('POST /webhooks/email/inbound: Postmark, SendGrid and Mailgun shapes, each with its check', () => {
  let t: TestSystem;
  let inbound: string;
  let storeId: string;
  before(async () => {
    t = await startTestSystem({ env: { CONCIERGE_EMAIL_WEBHOOK_TOKEN: WEBHOOK_TOKEN, MAILGUN_WEBHOOK_SIGNING_KEY: MAILGUN_KEY, CONCIERGE_EMAIL_DOMAIN: 'inbound.concierge.test' } });
    const store = await createStore(t, 'Webhook Store');
    storeId = store.storeId;
    const settings = await t.app.inject({ method: 'GET', url: `/v1/stores/${storeId}/settings`, headers: { authorization: `Bearer ${store.apiKey}` } });
    inbound = settings.json().email.inboundAddress;
  });
  after(() => t.close());

  const records = async () => (await t.system.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM email_messages WHERE store_id = $1`, [storeId]))[0]!.n;
  const queued = async (rfc: string) =>
    (await t.system.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs j JOIN email_messages e ON j.dedupe_key = 'in:' || e.id::text WHERE e.rfc_message_id = $1`, [rfc]))[0]!.n;

  const postmark = (messageId: string) => ({
    MessageID: `pm-${messageId}`,
    From: 'shopper@example.com',
    FromFull: { Email: 'shopper@example.com', Name: 'Sam Shopper' },
    To: inbound,
    ToFull: [{ Email: inbound }],
    Subject: 'Where is my order?',
    TextBody: 'Where is my order #1001?',
    Headers: [
      { Name: 'Message-ID', Value: `<${messageId}>` },
      { Name: 'Received-SPF', Value: 'Pass (sender SPF authorized)' },
    ],
    Attachments: [{ Name: 'photo.png', Content: Buffer.from('png-bytes').toString('base64'), ContentType: 'image/png' }],
  });

  test('Postmark: basic auth or ?token= with the secret is accepted and queued once; a wrong or missing secret is 401 and changes nothing', async () => {
    const before = await records();
    for (const headers of [basic('wrong-secret-wrong-secret-0000'), {}]) {
      const refused = await t.app.inject({ method: 'POST', url: '/webhooks/email/inbound?provider=postmark', headers, payload: postmark('pm-1@client.example') });
      assert.equal(refused.statusCode, 401);
      assert.equal(refused.json().error.code, 'unauthorized');
    }
    assert.equal((await t.app.inject({ method: 'POST', url: '/webhooks/email/inbound?provider=postmark&token=nope', payload: postmark('pm-1@client.example') })).statusCode, 401);
    assert.equal(await records(), before, 'nothing recorded');
    const ok = await t.app.inject({ method: 'POST', url: '/webhooks/email/inbound?provider=postmark', headers: basic(WEBHOOK_TOKEN), payload: postmark('pm-1@client.example') });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json(), { status: 'queued' });
    const again = await t.app.inject({ method: 'POST', url: `/webhooks/email/inbound?provider=postmark&token=${WEBHOOK_TOKEN}`, payload: postmark('pm-1@client.example') });
    assert.deepEqual(again.json(), { status: 'duplicate' });
    assert.equal(await records(), before + 1);
    assert.equal(await queued('pm-1@client.example'), 1);
    const [row] = await t.system.database.query<{ body: { attachments: { key: string }[]; authentication: { spf: string } } }>(`SELECT body FROM email_messages WHERE rfc_message_id = 'pm-1@client.example'`);
    assert.equal(row!.body.authentication.spf, 'pass', 'SPF recorded (never used as proof of identity)');
    const stored = await t.system.storage.get(storeId, row!.body.attachments[0]!.key);
    assert.equal(Buffer.from(stored!.body).toString(), 'png-bytes');
  });

  test('SendGrid Inbound Parse: multipart fields, or the raw MIME in `email`; the secret is required', async () => {
    const fields = {
      headers: `Message-ID: <sg-1@client.example>\r\nFrom: Sam <shopper@example.com>\r\nTo: ${inbound}\r\nSubject: Refund\r\n`,
      from: 'Sam <shopper@example.com>',
      to: inbound,
      subject: 'Refund',
      text: 'Can I get a refund?',
      envelope: JSON.stringify({ to: [inbound], from: 'shopper@example.com' }),
      SPF: 'pass',
    };
    const bad = multipart(fields);
    assert.equal((await t.app.inject({ method: 'POST', url: '/webhooks/email/inbound?provider=sendgrid&token=wrong', ...bad })).statusCode, 401);
    const good = multipart(fields, [{ name: 'attachment1', filename: 'receipt.pdf', type: 'application/pdf', content: Buffer.from('%PDF-1.4') }]);
    const ok = await t.app.inject({ method: 'POST', url: `/webhooks/email/inbound?provider=sendgrid&token=${WEBHOOK_TOKEN}`, ...good });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(await queued('sg-1@client.example'), 1);
    const raw = multipart({ email: `Message-ID: <sg-2@client.example>\r\nFrom: shopper@example.com\r\nTo: ${inbound}\r\nSubject: Hi\r\n\r\nDo you ship to Canada?\r\n`, envelope: JSON.stringify({ to: [inbound], from: 'shopper@example.com' }) });
    const rawOk = await t.app.inject({ method: 'POST', url: '/webhooks/email/inbound?provider=sendgrid', headers: { ...raw.headers, ...basic(WEBHOOK_TOKEN) }, payload: raw.payload });
    assert.equal(rawOk.statusCode, 200, rawOk.body);
    assert.equal(await queued('sg-2@client.example'), 1);
  });

  const mailgunFields = (messageId: string, token: string, timestamp = String(Math.floor(Date.now() / 1000)), key = MAILGUN_KEY) => ({
    timestamp,
    token,
    signature: createHmac('sha256', key).update(timestamp + token).digest('hex'),
    recipient: inbound,
    sender: 'shopper@example.com',
    from: 'Sam <shopper@example.com>',
    subject: 'Exchange',
    'body-plain': 'Can I exchange my shoes?',
    'Message-Id': `<${messageId}>`,
    'message-headers': JSON.stringify([['Message-Id', `<${messageId}>`], ['X-Mailgun-Spf', 'Pass']]),
  });
  const urlencoded = (fields: Record<string, string>) => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });

  test('Mailgun: HMAC of timestamp+token with the signing key; a wrong key, a stale timestamp or a token reused for another e-mail is 401', async () => {
    const token = randomBytes(25).toString('hex');
    const wrongKey = await t.app.inject({ method: 'POST', url: '/webhooks/email/inbound?provider=mailgun', ...urlencoded(mailgunFields('mg-1@client.example', token, undefined, 'not-the-key')) });
    assert.equal(wrongKey.statusCode, 401);
    const stale = await t.app.inject({ method: 'POST', url: '/webhooks/email/inbound?provider=mailgun', ...urlencoded(mailgunFields('mg-1@client.example', token, String(Math.floor(Date.now() / 1000) - 13 * 3600))) });
    assert.equal(stale.statusCode, 401);
    const ok = await t.app.inject({ method: 'POST', url: '/webhooks/email/inbound?provider=mailgun', ...urlencoded(mailgunFields('mg-1@client.example', token)) });
    assert.equal(ok.statusCode, 200, ok.body);
    const retried = await t.app.inject({ method: 'POST', url: '/webhooks/email/inbound?provider=mailgun', ...urlencoded(mailgunFields('mg-1@client.example', token)) });
    assert.deepEqual(retried.json(), { status: 'duplicate' }, "Mailgun's own retry is idempotent");
    const replayed = await t.app.inject({ method: 'POST', url: '/webhooks/email/inbound?provider=mailgun', ...urlencoded(mailgunFields('mg-evil@attacker.example', token)) });
    assert.equal(replayed.statusCode, 401, 'a captured signature does not carry another e-mail');
    const asMultipart = multipart(mailgunFields('mg-2@client.example', randomBytes(25).toString('hex')));
    assert.equal((await t.app.inject({ method: 'POST', url: '/webhooks/email/inbound?provider=mailgun', ...asMultipart })).statusCode, 200);
    assert.equal(await queued('mg-1@client.example'), 1);
    assert.equal(await queued('mg-2@client.example'), 1);
  });

  test('bad input: an unknown provider is 400, an address no store has is 422, and nothing is recorded', async () => {
    const before = await records();
    const noProvider = await t.app.inject({ method: 'POST', url: '/webhooks/email/inbound', headers: basic(WEBHOOK_TOKEN), payload: postmark('x@y') });
    assert.equal(noProvider.statusCode, 400);
    assert.equal(noProvider.json().error.code, 'validation_failed');
    const unknown = { ...postmark('unknown@client.example'), To: 'nobody@inbound.concierge.test', ToFull: [{ Email: 'nobody@inbound.concierge.test' }] };
    const refused = await t.app.inject({ method: 'POST', url: '/webhooks/email/inbound?provider=postmark', headers: basic(WEBHOOK_TOKEN), payload: unknown });
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json().error.code, 'unprocessable');
    assert.equal(await records(), before);
  });
});
