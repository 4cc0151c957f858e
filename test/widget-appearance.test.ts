import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { skipWithoutPostgres } from './support/databases';
import { bearer, createStore, startTestSystem, type TestStore, type TestSystem } from './support/system';

const SHOP = 'https://shop.example.com';
// A 1×1 PNG, and the same bytes declared as something else.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/eL9GtQAAAABJRU5ErkJggg==', 'base64');

describe("a store makes the widget its own: colour, logo, greeting, position and strings (issue 17 item 3)", () => {
  let t: TestSystem;
  let s: TestStore;
  let other: TestStore;
  const settingsUrl = () => `/v1/stores/${s.storeId}/settings`;
  const widget = (key: string, origin = SHOP) => ({ ...bearer(key), origin });
  const patch = (payload: Record<string, unknown>) => t.app.inject({ method: 'PATCH', url: settingsUrl(), headers: bearer(s.apiKey), payload });
  const appearance = async (key = s.widgetKey, headers: Record<string, string> = {}) => t.app.inject({ url: '/v1/widget/appearance', headers: { ...widget(key), ...headers } });

  before(async () => {
    t = await startTestSystem();
    s = await createStore(t, 'Shop', { allowedOrigins: [SHOP] });
    other = await createStore(t, 'Other', { allowedOrigins: [SHOP] });
  });
  after(() => t.close());

  test('the defaults: the built-in colour, bottom-right, English and French strings, language picked by the browser', async () => {
    const response = await appearance();
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.equal(body.primaryColor, '#1d4ed8');
    assert.equal(body.position, 'bottom-right');
    assert.equal(body.language, 'auto');
    assert.equal(body.logoUrl, null);
    assert.equal(body.strings.en.send, 'Send');
    assert.equal(body.strings.fr.send, 'Envoyer');
  });

  test('settings change every part; the public endpoint shows them, with an ETag answered 304 until the next change', async () => {
    const before = await appearance();
    const etag = before.headers.etag as string;
    assert.ok(etag);
    assert.equal(before.headers['cache-control'], 'no-cache');
    assert.equal((await appearance(s.widgetKey, { 'if-none-match': etag })).statusCode, 304);

    const changed = await patch({
      widget: {
        primaryColor: '#0B6E4F',
        logoUrl: `${SHOP}/logo.png`,
        greeting: 'Welcome to the shop!',
        position: 'bottom-left',
        language: 'de',
        defaultLanguage: 'de',
        strings: { de: { send: 'Senden', title: 'Schreiben Sie uns' }, en: { send: 'Go' } },
      },
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().widget.primaryColor, '#0b6e4f');

    const after = await appearance(s.widgetKey, { 'if-none-match': etag });
    assert.equal(after.statusCode, 200, 'a change invalidates the ETag');
    assert.notEqual(after.headers.etag, etag);
    const body = after.json();
    assert.equal(body.primaryColor, '#0b6e4f');
    assert.equal(body.position, 'bottom-left');
    assert.equal(body.logoUrl, `${SHOP}/logo.png`);
    assert.equal(body.language, 'de');
    assert.equal(body.strings.de.send, 'Senden');
    assert.equal(body.strings.de.placeholder, 'Write a message…', 'a language without a built-in set falls back to English');
    assert.equal(body.strings.de.greeting, 'Welcome to the shop!');
    assert.equal(body.strings.en.send, 'Go');
    assert.equal(body.strings.fr.send, 'Envoyer');

    // Another store's widget sees its own appearance, never this one's.
    assert.equal((await appearance(other.widgetKey)).json().primaryColor, '#1d4ed8');
  });

  test('bad colours, logos, strings and languages are refused with a code and a message, and nothing changes', async () => {
    const stored = (await t.app.inject({ url: settingsUrl(), headers: bearer(s.apiKey) })).json().widget;
    const refusals: [unknown, RegExp][] = [
      [{ primaryColor: 'green' }, /#rrggbb/],
      [{ primaryColor: '#ffcc00' }, /contrast of 1\.\d\d:1 .*4\.5:1.*#[0-9a-f]{6}/],
      [{ primaryColor: '#777777' }, /4\.48:1/],
      [{ logoUrl: 'https://cdn.tracker.example/logo.png' }, /allowed origins/],
      [{ logoUrl: 'javascript:alert(1)' }, /allowed origins/],
      [{ position: 'top-left' }, /position/],
      [{ strings: { en: { emailThanks: 'Thanks!' } } }, /\{email\}/],
      [{ strings: { en: { nonsense: 'x' } } }, /nonsense|key/i],
      [{ strings: { en: { send: '<b>Send</b>' } } }, /plain text/],
      [{ language: 'it' }, /no strings in it/],
      [{ greeting: '' }, /greeting/],
    ];
    for (const [widgetPatch, message] of refusals) {
      const response = await patch({ widget: widgetPatch, returnWindowDays: 7 });
      assert.equal(response.statusCode, 400, `${JSON.stringify(widgetPatch)}: ${response.body}`);
      const { error } = response.json();
      assert.equal(error.code, 'validation_failed');
      assert.match(JSON.stringify(error), message, JSON.stringify(widgetPatch));
    }
    const now = (await t.app.inject({ url: settingsUrl(), headers: bearer(s.apiKey) })).json();
    assert.deepEqual(now.widget, stored);
    assert.equal(now.returnWindowDays, 30, 'nothing of a refused patch is applied');
  });

  test('the appearance answers only to allowed origins; secret keys and operators of the store may read it too', async () => {
    assert.equal((await appearance(s.widgetKey, { origin: 'https://evil.example' })).statusCode, 403);
    assert.equal((await t.app.inject({ url: '/v1/widget/appearance' })).statusCode, 401);
    assert.equal((await t.app.inject({ url: '/v1/widget/appearance', headers: bearer(s.apiKey) })).statusCode, 200);
  });

  test('an uploaded logo is served by the gateway (immutable, nosniff) and shown; SVG and non-images are refused', async () => {
    const upload = (image: string, key = s.apiKey, storeId = s.storeId) =>
      t.app.inject({ method: 'PUT', url: `/v1/stores/${storeId}/widget/logo`, headers: bearer(key), payload: { image } });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>').toString('base64');
    const refused = await upload(svg);
    assert.equal(refused.statusCode, 422, refused.body);
    assert.match(refused.json().error.message, /PNG, JPEG, WebP or GIF/);
    assert.equal((await upload(Buffer.alloc(70_000, 1).toString('base64'))).statusCode, 400);
    assert.equal((await upload('not base64!')).statusCode, 400);
    assert.equal((await upload(PNG.toString('base64'), s.apiKey, other.storeId)).statusCode, 404, "another store's path");

    const stored = await upload(PNG.toString('base64'));
    assert.equal(stored.statusCode, 200, stored.body);
    const logoUrl = stored.json().widget.logoUrl as string;
    assert.match(logoUrl, new RegExp(`^/widget/v1/logos/${s.storeId}/[0-9a-f]{16}$`));
    assert.equal((await appearance()).json().logoUrl, logoUrl);
    const served = await t.app.inject({ url: logoUrl });
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers['content-type'], 'image/png');
    assert.equal(served.headers['x-content-type-options'], 'nosniff');
    assert.match(String(served.headers['cache-control']), /immutable/);
    assert.deepEqual(served.rawPayload, PNG);
    assert.equal((await t.app.inject({ url: logoUrl.replace(s.storeId, other.storeId) })).statusCode, 404, "one store's logo is not another's");
  });
});

describe('an uploaded widget logo on PostgreSQL (server mode) comes back byte for byte', { skip: skipWithoutPostgres }, () => {
  let t: TestSystem;
  let s: TestStore;
  before(async () => {
    t = await startTestSystem({ backend: 'postgres' });
    s = await createStore(t, 'Shop');
  });
  after(() => t?.close());

  test('stored in widget_logos and served with its type', async () => {
    const stored = await t.app.inject({ method: 'PUT', url: `/v1/stores/${s.storeId}/widget/logo`, headers: bearer(s.apiKey), payload: { image: PNG.toString('base64') } });
    assert.equal(stored.statusCode, 200, stored.body);
    const served = await t.app.inject({ url: stored.json().widget.logoUrl });
    assert.equal(served.headers['content-type'], 'image/png');
    assert.deepEqual(served.rawPayload, PNG);
  });
});
