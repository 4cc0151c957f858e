import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { skipWithoutPostgres } from '../../../../test/support/databases';
import { eventually } from '../../../../test/support/eventually';
import { pngWithGps } from '../../../../test/support/photos';
import { bearer, createStore, startTestSystem, type TestStore, type TestSystem } from '../../../../test/support/system';

const TOKEN = `wh_${randomBytes(18).toString('hex')}`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const HTML = Buffer.from('<html><body><script>alert(document.cookie)</script>receipt</body></html>');

// Issue 18: the console's conversation view shows every file a shopper e-mailed, through signed, expiring links.
for (const backend of ['pglite', 'postgres'] as const)
  describe(`GET /v1/conversations/{id}/email-attachments on ${backend}`, { skip: backend === 'postgres' ? skipWithoutPostgres : false }, () => {
    let t: TestSystem;
    let store: TestStore;
    let conversationId: string;
    before(async () => {
      t = await startTestSystem({ backend, env: { CONCIERGE_EMAIL_WEBHOOK_TOKEN: TOKEN, CONCIERGE_EMAIL_DOMAIN: 'inbound.concierge.test' } });
      store = await createStore(t, 'Files Store');
      await t.system.startBackground();
      const inbound = (await t.app.inject({ method: 'GET', url: `/v1/stores/${store.storeId}/settings`, headers: bearer(store.apiKey) })).json().email
        .inboundAddress as string;
      const delivered = await t.app.inject({
        method: 'POST',
        url: `/webhooks/email/inbound?provider=postmark&token=${TOKEN}`,
        payload: {
          MessageID: 'pm-files-1',
          From: 'dana@example.com',
          FromFull: { Email: 'dana@example.com', Name: 'Dana' },
          To: inbound,
          ToFull: [{ Email: inbound }],
          Subject: 'My jacket arrived torn',
          TextBody: 'Hi, the jacket from order 1001 arrived torn. The receipt and a photo are attached.',
          Headers: [{ Name: 'Message-ID', Value: '<files-1@client.example>' }],
          Attachments: [
            { Name: 'receipt.pdf', Content: PDF.toString('base64'), ContentType: 'application/pdf' },
            { Name: 'torn sleeve.png', Content: Buffer.from(pngWithGps()).toString('base64'), ContentType: 'image/png' },
            { Name: 'receipt.html', Content: HTML.toString('base64'), ContentType: 'text/html' },
          ],
        },
      });
      assert.equal(delivered.statusCode, 200, delivered.body);
      conversationId = (await eventually(
        async () =>
          (
            await t.system.database.query<{ conversation_id: string | null }>(
              "SELECT conversation_id FROM email_messages WHERE store_id = $1 AND direction = 'in'",
              [store.storeId],
            )
          )[0]?.conversation_id ?? undefined,
        20_000,
      ))!;
      assert.ok(conversationId, 'the e-mail became a conversation');
    });
    after(() => t?.close());

    const list = (headers: Record<string, string>, id = conversationId) =>
      t.app.inject({ method: 'GET', url: `/v1/conversations/${id}/email-attachments`, headers });
    const fetchLink = (url: string) => t.app.inject({ method: 'GET', url: url.replace(/^https?:\/\/[^/]+/, '') });

    test('every file of the e-mail is listed (not only the photo), each with a signed link that serves it', async () => {
      const response = await list(bearer(store.apiKey));
      assert.equal(response.statusCode, 200, response.body);
      const files = response.json().data as { filename: string; contentType: string; size: number; url: string; expiresAt: string }[];
      assert.deepEqual(
        files.map((f) => [f.filename, f.contentType]),
        [
          ['receipt.pdf', 'application/pdf'],
          ['torn sleeve.png', 'image/png'],
          ['receipt.html', 'text/html'],
        ],
      );
      assert.equal(files[0]!.size, PDF.length);
      const minutes = (Date.parse(files[0]!.expiresAt) - Date.now()) / 60_000;
      assert.ok(minutes > 9 && minutes <= 10, 'links expire in 10 minutes');

      const pdf = await fetchLink(files[0]!.url);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.match(String(pdf.headers['content-disposition']), /^inline/);
      assert.deepEqual(pdf.rawPayload, PDF);
      assert.equal((await fetchLink(files[1]!.url)).headers['content-type'], 'image/png');
    });

    test('a file a browser could run (HTML) is only ever a sandboxed download, never a page on our origin', async () => {
      const files = (await list(bearer(store.apiKey))).json().data as { filename: string; url: string }[];
      const html = await fetchLink(files.find((f) => f.filename === 'receipt.html')!.url);
      assert.equal(html.statusCode, 200);
      assert.equal(html.headers['content-type'], 'application/octet-stream');
      assert.match(String(html.headers['content-disposition']), /^attachment; filename="3-receipt.html"/);
      assert.match(String(html.headers['content-security-policy']), /sandbox/);
      assert.equal(html.headers['x-content-type-options'], 'nosniff');
    });

    test('a link tampered with is refused; a widget key and another store cannot list the files', async () => {
      const files = (await list(bearer(store.apiKey))).json().data as { url: string }[];
      const tampered = files[0]!.url.replace(/signature=([A-Za-z0-9_-])/, (_m, c: string) => `signature=${c === 'A' ? 'B' : 'A'}`);
      assert.equal((await fetchLink(tampered)).statusCode, 403);
      assert.ok([401, 403].includes((await list(bearer(store.widgetKey))).statusCode), 'not for the widget');
      const other = await createStore(t, 'Other Store');
      assert.equal((await list(bearer(other.apiKey))).statusCode, 404, "another store's conversation is not found");
      const none = await t.app.inject({ method: 'POST', url: '/v1/conversations', headers: bearer(store.apiKey), payload: { channel: 'api' } });
      assert.deepEqual(
        (await list(bearer(store.apiKey), none.json().conversation?.id ?? none.json().id)).json(),
        { data: [] },
        'a conversation without e-mail has no files',
      );
    });
  });
