/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The functions given to page.evaluate run in the page: DOM types for them.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoSurface } from '../src/web/demo/serve';
import { artifactsDir, axeViolations, launchChromium, skipWithoutChromium } from './support/browser';
import { demoStore } from './support/demo';
import { pngWithGps } from './support/photos';
import { bearer, startTestSystem, type TestSystem } from './support/system';

const HOSTILE_CSS = `
  * { font-family: "Comic Sans MS", cursive !important; color: #ff00ff !important; line-height: 3 !important; letter-spacing: 4px !important; }
  button, textarea, input { background: lime !important; border: 9px dashed red !important; padding: 40px !important; width: 10px !important; }
  div, section, ol, li, header, form { display: inline !important; position: static !important; margin: 50px !important; }
  [hidden] { display: block !important; }
  body * { transform: rotate(3deg) !important; opacity: .3 !important; }
`;
const shopPage = (base: string, key: string, css: string) =>
  `<!doctype html><html lang="en"><head><title>A shop</title><style>${css}</style></head><body><h1>A shop</h1>` +
  `<script src="${base}/widget/v1/concierge.js" data-key="${key}" async></script></body></html>`;

/** Polls in the page with `page.evaluate` (never `waitForFunction`: a strict CSP refuses its string eval). */
async function until<T>(page: Page, probe: () => T | Promise<T>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await page.evaluate(probe);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The messages the widget shows (role and text), read through its open shadow root. */
const shown = (page: Page) =>
  page.evaluate(() =>
    [...(document.querySelector('concierge-widget')?.shadowRoot?.querySelectorAll('.log .msg[data-id]') ?? [])].map((li) => ({
      role: ['customer', 'assistant', 'agent', 'system'].find((r) => li.classList.contains(r)) ?? '',
      text: li.querySelector('.body')?.textContent ?? '',
      pending: li.classList.contains('pending'),
    })),
  );

describe('the website widget in Chromium', { skip: skipWithoutChromium }, () => {
  let t: TestSystem;
  let s: Awaited<ReturnType<typeof demoStore>>;
  let base: string;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let widgetKey: string | undefined;
  let context: BrowserContext;
  let page: Page;
  // A shop on another origin (its own server and port): the widget embedded cross-origin, as on a real store.
  let SHOP: string;
  let shopCss = '';
  let shopServer: Server;

  before(async () => {
    t = await startTestSystem({ surfaces: [demoSurface(async () => widgetKey)] });
    s = await demoStore(t);
    widgetKey = s.widgetKey;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    shopServer = createServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(shopPage(base, s.widgetKey, shopCss)),
    );
    await new Promise<void>((resolve) => shopServer.listen(0, '127.0.0.1', resolve));
    SHOP = `http://127.0.0.1:${(shopServer.address() as { port: number }).port}`;
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/v1/stores/${s.storeId}/settings`,
      headers: s.headers,
      payload: { allowedOrigins: [base, SHOP] },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    ({ browser, close: closeBrowser } = await launchChromium());
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });
  after(async () => {
    await closeBrowser?.();
    shopServer?.close();
    await t?.close();
  });

  const shot = (p: Page, name: string) => p.screenshot({ path: join(artifactsDir, `widget-${name}.png`) });
  const conversationId = (p: Page) =>
    p.evaluate((key) => JSON.parse(localStorage.getItem(`concierge-widget:${key}`) ?? '{}').conversationId as string | undefined, widgetKey);
  const serverMessages = async (id: string) =>
    (await t.app.inject({ url: `/v1/conversations/${id}`, headers: s.headers })).json() as {
      status: string;
      followUp: { email: string } | null;
      messages: { role: string; content: string }[];
    };
  const answers = async (p: Page) => (await shown(p)).filter((m) => m.role === 'assistant').length;

  async function say(p: Page, text: string) {
    const before = await answers(p);
    await p.getByLabel('Your message').fill(text);
    await p.getByLabel('Your message').press('Enter');
    await until(p, () => !document.querySelector('concierge-widget')?.shadowRoot?.querySelector('.pending, .streaming'), 'the message to be sent and answered');
    return until(
      p,
      () => document.querySelector('concierge-widget')?.shadowRoot?.querySelectorAll('.log .msg.assistant[data-id]').length ?? 0,
      'an answer',
    ).then(async () => {
      assert.ok((await answers(p)) > before, `an answer to "${text}"`);
      return (await shown(p)).at(-1)!;
    });
  }

  test('one script tag on /demo: the launcher opens from the keyboard, and an order question is answered, streamed, after verification', async () => {
    const loader = await fetch(`${base}/widget/v1/concierge.js`);
    assert.match(loader.headers.get('cache-control') ?? '', /max-age=300/);
    const path = /(\/widget\/v1\/[0-9a-f]+\/concierge\.js)/.exec(await loader.text())?.[1];
    assert.ok(path, 'the loader names the content-hashed bundle');
    const bundle = await fetch(`${base}${path}`);
    assert.equal(bundle.headers.get('cache-control'), 'public, max-age=31536000, immutable');

    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${base}/demo`);
    await page.getByRole('heading', { name: 'Alpine Rain Jacket' }).waitFor();
    const launcher = page.getByRole('button', { name: 'Chat with us' });
    await launcher.waitFor();
    await launcher.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Chat with us' }).waitFor();
    assert.equal(
      await page.evaluate(() => document.querySelector('concierge-widget')?.shadowRoot?.activeElement?.id),
      'concierge-input',
      'opening moves focus to the message box',
    );
    await page.keyboard.press('Escape');
    await launcher.waitFor();
    assert.equal(
      await page.evaluate(() => document.querySelector('concierge-widget')?.shadowRoot?.activeElement?.className),
      'launcher',
      'closing gives focus back to the launcher',
    );
    await page.keyboard.press('Enter');

    const asked = await say(page, 'where is my order #1001?');
    assert.match(asked.text, /e-?mail|postal code|zip/i, 'the agent asks the shopper to prove the order is theirs');

    // Count the streaming bubble's growth: a streamed reply arrives in pieces, not at once.
    await page.evaluate(() => {
      const root = document.querySelector('concierge-widget')!.shadowRoot!;
      const w = window as unknown as { pieces: number };
      w.pieces = 0;
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of r.addedNodes) if (n.nodeType === Node.TEXT_NODE && (n.parentElement?.closest('.streaming') ?? null)) w.pieces += 1;
      }).observe(root, { subtree: true, childList: true });
    });
    const owner = s.demo.owners['#1001']!.email;
    const verified = await say(page, owner);
    assert.match(verified.text, /#1001/);
    assert.ok((await page.evaluate(() => (window as unknown as { pieces: number }).pieces)) > 3, 'the reply streamed token by token');
    const card = page.getByRole('group', { name: 'Order #1001' });
    await card.waitFor();
    assert.match(
      (await card.getByRole('link', { name: 'Track the parcel' }).getAttribute('href')) ?? '',
      /^https:\/\//,
      'the order card links the tracking page',
    );
    const answer = page.locator('concierge-widget .msg.assistant[data-id]').last();
    await answer.getByRole('button', { name: 'Helpful', exact: true }).click();
    await until(
      page,
      () =>
        document.querySelector('concierge-widget')?.shadowRoot?.querySelector('.msg.assistant[data-id]:last-of-type [data-thumb="up"][aria-pressed="true"]') ??
        undefined,
      'the thumb to be stored',
    );
    const id = (await conversationId(page))!;
    const feedback = (await t.app.inject({ url: `/v1/conversations/${id}/feedback`, headers: s.headers })).json() as {
      data: { kind: string; score: number }[];
    };
    assert.deepEqual(
      feedback.data.map((f) => [f.kind, f.score]),
      [['thumb', 1]],
    );
    const foreign = requests.filter((url) => !url.startsWith(base));
    assert.deepEqual(foreign, [], 'no third-party requests');
    await shot(page, 'demo-conversation');
  });

  test('a reload shows the history once; offline messages are sent once when the connection is back', async () => {
    const before = await shown(page);
    await page.reload();
    await page.getByRole('button', { name: 'Chat with us' }).click();
    await until(page, () => (document.querySelector('concierge-widget')?.shadowRoot?.querySelectorAll('.log .msg[data-id]').length ?? 0) > 0, 'the history');
    // Give a replay a moment to (wrongly) add anything twice.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(await shown(page), before, 'the same messages, each once');

    await context.setOffline(true);
    await page.getByText(/You are offline/).waitFor();
    await page.getByLabel('Your message').fill('is the alpine rain jacket waterproof?');
    await page.getByLabel('Your message').press('Enter');
    await page.getByText(/Waiting for the connection/).waitFor();
    await shot(page, 'offline');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await context.setOffline(false);
    await until(page, () => !document.querySelector('concierge-widget')?.shadowRoot?.querySelector('.pending, .streaming'), 'the queued message to be sent');
    await until(
      page,
      () =>
        document.querySelector('concierge-widget')?.shadowRoot?.querySelector('.log .msg.customer[data-id]:nth-last-child(2) + .msg.assistant[data-id]') ??
        undefined,
      'the answer to it',
    );
    const after = await shown(page);
    assert.equal(after.at(-2)?.text, 'is the alpine rain jacket waterproof?');
    assert.equal(after.filter((m) => m.text === 'is the alpine rain jacket waterproof?').length, 1, 'the queued message shows once');
    const id = await conversationId(page);
    const stored = await serverMessages(id!);
    assert.equal(stored.messages.filter((m) => m.content === 'is the alpine rain jacket waterproof?').length, 1, 'and is stored once');
    assert.equal(after.length, stored.messages.length, 'the widget shows every stored message, once');

    // The answer asks a yes/no question: its buttons answer it.
    const suggestions = page.getByRole('group', { name: 'Suggested answers' });
    await suggestions.getByRole('button', { name: 'No', exact: true }).click();
    await until(
      page,
      () =>
        document.querySelector('concierge-widget')?.shadowRoot?.querySelector('.log .msg.customer[data-id]:nth-last-child(2) + .msg.assistant[data-id]') ??
        undefined,
      'the answer to the button',
    );
    assert.equal((await shown(page)).at(-2)?.text, 'No');
  });

  test("a person's reply from the operators' side appears live; a missed one comes back after a dropped connection", async () => {
    const id = (await conversationId(page))!;
    const replied = await t.app.inject({
      method: 'POST',
      url: `/v1/conversations/${id}/handoff/reply`,
      headers: s.headers,
      payload: { content: 'Hi, Sam from the store here. Your parcel is on its way!', author: 'Sam' },
    });
    assert.equal(replied.statusCode, 201, replied.body);
    await page.getByText('Hi, Sam from the store here. Your parcel is on its way!').waitFor();
    assert.equal((await shown(page)).at(-1)?.role, 'agent');

    await context.setOffline(true);
    await page.getByText(/You are offline/).waitFor();
    const missed = await t.app.inject({
      method: 'POST',
      url: `/v1/conversations/${id}/handoff/reply`,
      headers: s.headers,
      payload: { content: 'One more thing: it arrives Tuesday.', author: 'Sam' },
    });
    assert.equal(missed.statusCode, 201);
    await context.setOffline(false);
    await page.getByText('One more thing: it arrives Tuesday.').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const texts = (await shown(page)).map((m) => m.text);
    assert.equal(texts.filter((x) => x === 'One more thing: it arrives Tuesday.').length, 1);
    assert.equal(texts.filter((x) => x === 'Hi, Sam from the store here. Your parcel is on its way!').length, 1);
  });

  test('HTML and javascript: links in any message render as text', async () => {
    const attack = '<img src=x onerror="window.__pwned=1"><b>bold</b> <a href="javascript:window.__pwned=2">click</a> javascript:window.__pwned=3';
    await page.getByLabel('Your message').fill(attack);
    await page.getByLabel('Your message').press('Enter');
    const id = (await conversationId(page))!;
    await t.app.inject({
      method: 'POST',
      url: `/v1/conversations/${id}/handoff/reply`,
      headers: s.headers,
      payload: { content: `<script>window.__pwned=4</script> see [here](javascript:window.__pwned=5) or https://example.com/track?a=1&b=<b>` },
    });
    await page.getByText('<script>window.__pwned=4</script>', { exact: false }).waitFor();
    await until(page, () => !document.querySelector('concierge-widget')?.shadowRoot?.querySelector('.pending'), 'the message to be sent');
    const found = await page.evaluate(() => {
      const root = document.querySelector('concierge-widget')!.shadowRoot!;
      return {
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        elements: root.querySelectorAll('.log img, .log b, .log script').length,
        links: [...root.querySelectorAll('.log a')].map((a) => a.getAttribute('href')),
        texts: [...root.querySelectorAll('.log .msg[data-id] .body')].map((b) => b.textContent),
      };
    });
    assert.equal(found.pwned, null);
    assert.equal(found.elements, 0);
    assert.ok(
      found.links.every((href) => href?.startsWith('https://')),
      `only http(s) links: ${found.links.join(', ')}`,
    );
    assert.ok(found.texts.includes(attack), 'the shopper sees exactly what they wrote');
  });

  test('the attach button sends a photo: redrawn as a JPEG in the browser, stored without its metadata, sent with a message', async () => {
    await page.getByRole('button', { name: 'Attach a photo' }).waitFor();
    await page.locator('concierge-widget input[type="file"]').setInputFiles({ name: 'IMG_0001.png', mimeType: 'image/png', buffer: Buffer.from(pngWithGps()) });
    const id = await until(page, () => {
      const root = document.querySelector('concierge-widget')?.shadowRoot;
      return root && !root.querySelector('.pending') ? 'sent' : '';
    }, 'the photo to be sent').then(() => conversationId(page));
    const rows = await t.system.database.query<{ source: string; content_type: string; message_id: string | null; object_key: string }>(
      'SELECT source, content_type, message_id, object_key FROM conversation_attachments WHERE store_id = $1 AND conversation_id = $2',
      [s.storeId, id],
    );
    assert.equal(rows.length, 1, JSON.stringify(rows));
    assert.equal(rows[0]!.source, 'widget');
    assert.equal(rows[0]!.content_type, 'image/jpeg', 'redrawn on a canvas before it left the page');
    assert.ok(rows[0]!.message_id, 'sent with a message');
    const stored = await t.system.storage.get(s.storeId, rows[0]!.object_key);
    assert.ok(stored && !Buffer.from(stored.body).includes(Buffer.from('GPSLatitude')));
  });

  test('once the conversation is resolved, the shopper rates it, and the rating is stored', async () => {
    const id = (await conversationId(page))!;
    assert.equal((await t.app.inject({ method: 'POST', url: `/v1/conversations/${id}/resolve`, headers: s.headers })).statusCode, 200);
    await page.getByRole('group', { name: 'How did we do?' }).waitFor();
    await page.getByRole('button', { name: '5 out of 5' }).click();
    await page.getByText('Thank you for your rating.').waitFor();
    const feedback = (await t.app.inject({ url: `/v1/conversations/${id}/feedback`, headers: s.headers })).json() as {
      data: { kind: string; score: number }[];
    };
    assert.deepEqual(
      feedback.data.filter((f) => f.kind === 'rating').map((f) => f.score),
      [5],
    );
    await shot(page, 'rated');
  });

  test('a handoff tells the shopper a person will answer, and takes an e-mail for follow-up; axe-core finds no serious violation', async () => {
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = await fresh.newPage();
    await p.goto(`${base}/demo`);
    await p.getByRole('button', { name: 'Chat with us' }).click();
    await p.getByLabel('Your message').fill('I want to speak to a real person please');
    await p.getByLabel('Your message').press('Enter');
    await p.getByText(/A person from the store will answer here/).waitFor();
    await p.getByLabel('Your e-mail').fill('not an address');
    await p.getByRole('button', { name: 'Send my e-mail' }).click();
    await p.getByText('That does not look like an e-mail address.').waitFor();
    await p.getByLabel('Your e-mail').fill('hana@shopper.example');
    await p.getByRole('button', { name: 'Send my e-mail' }).click();
    await p.getByText('Thank you. We will also write to hana@shopper.example.').waitFor();
    const stored = await serverMessages((await conversationId(p))!);
    assert.equal(stored.status, 'handed_off');
    assert.equal(stored.followUp?.email, 'hana@shopper.example');
    const serious = (await axeViolations(p)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious, [], 'axe-core: no serious or critical violation with the panel open');
    await shot(p, 'handoff');
    await fresh.close();
  });

  test('on a phone-sized screen the panel fills the screen; with reduced motion nothing animates', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' });
    const p = await phone.newPage();
    await p.goto(`${base}/demo`);
    await p.getByRole('button', { name: 'Chat with us' }).click();
    const box = await p.getByRole('dialog', { name: 'Chat with us' }).boundingBox();
    assert.deepEqual(box && { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) }, {
      x: 0,
      y: 0,
      width: 390,
      height: 844,
    });
    const animation = await p.evaluate(() => getComputedStyle(document.querySelector('concierge-widget')!.shadowRoot!.querySelector('.panel')!).animationName);
    assert.equal(animation, 'none');
    await shot(p, 'phone');
    await phone.close();
  });

  test("a shop's hostile CSS does not change the widget (embedded from another origin)", async () => {
    const look = async (css: string, name: string) => {
      const shop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      shopCss = css;
      const p = await shop.newPage();
      await p.goto(`${SHOP}/shop/product`);
      await p.getByRole('button', { name: 'Chat with us' }).click();
      await p.getByLabel('Your message').fill('hello');
      await p.getByLabel('Your message').press('Enter');
      await until(
        p,
        () => (document.querySelector('concierge-widget')?.shadowRoot?.querySelectorAll('.log .msg.assistant[data-id]').length ?? 0) > 0 || undefined,
        'an answer on the shop',
      );
      await shot(p, name);
      const styles = await p.evaluate(() => {
        const root = document.querySelector('concierge-widget')!.shadowRoot!;
        return ['.panel', 'header', '.log', '.composer textarea', '.composer button', '.log .msg.assistant[data-id]'].map((selector) => {
          const node = root.querySelector(selector)!;
          const style = getComputedStyle(node);
          const rect = node.getBoundingClientRect();
          return [
            style.fontFamily,
            style.color,
            style.backgroundColor,
            style.display,
            style.lineHeight,
            style.letterSpacing,
            style.opacity,
            Math.round(rect.x),
            Math.round(rect.y),
            Math.round(rect.width),
            Math.round(rect.height),
          ].join('|');
        });
      });
      await shop.close();
      return styles;
    };
    assert.deepEqual(await look(HOSTILE_CSS, 'hostile-shop'), await look('body { font-family: serif; }', 'plain-shop'));
  });

  test('widget keys still answer only to allowed origins', async () => {
    const refused = await t.app.inject({
      method: 'POST',
      url: '/v1/conversations',
      headers: { ...bearer(s.widgetKey), origin: 'https://evil.example' },
      payload: { channel: 'widget' },
    });
    assert.equal(refused.statusCode, 403);
    // A same-origin GET carries no Origin: Sec-Fetch-Site (set by the browser only) stands in, and names this host.
    const sameSite = await t.app.inject({
      method: 'GET',
      url: '/v1/conversations/00000000-0000-4000-8000-000000000000',
      headers: { ...bearer(s.widgetKey), 'sec-fetch-site': 'same-origin', host: 'evil.example' },
    });
    assert.equal(sameSite.statusCode, 403);
  });
  test('a page on an origin the store does not allow gets nothing: the browser is refused and no conversation is created', async () => {
    const stranger = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(shopPage(base, s.widgetKey, '')));
    await new Promise<void>((resolve) => stranger.listen(0, '127.0.0.1', resolve));
    const strangerUrl = `http://127.0.0.1:${(stranger.address() as { port: number }).port}`;
    const count = async () => Number((await t.system.database.query<{ n: string }>('SELECT count(*) AS n FROM conversations WHERE store_id = $1', [s.storeId]))[0]!.n);
    const before = await count();
    const context = await browser.newContext();
    try {
      const p = await context.newPage();
      const refused: string[] = [];
      p.on('requestfailed', (request) => refused.push(new URL(request.url()).pathname));
      await p.goto(strangerUrl);
      await p.getByRole('button', { name: 'Chat with us' }).click();
      await p.getByLabel('Your message').fill('where is my order #1001?');
      await p.getByLabel('Your message').press('Enter');
      await p.getByText(/Waiting for the connection/).waitFor();
      assert.ok(refused.includes('/v1/conversations'), `the browser refused the call (CORS): ${refused.join(', ')}`);
      assert.equal(await count(), before);
    } finally {
      await context.close();
      stranger.close();
    }
  });

  test("the store's settings make it its own: colour, logo, greeting, position and strings in the shopper's language; axe-core clean", async () => {
    const logo = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/eL9GtQAAAABJRU5ErkJggg==', 'base64');
    const uploaded = await t.app.inject({ method: 'PUT', url: `/v1/stores/${s.storeId}/widget/logo`, headers: s.headers, payload: { image: logo.toString('base64') } });
    assert.equal(uploaded.statusCode, 200, uploaded.body);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/v1/stores/${s.storeId}/settings`,
      headers: s.headers,
      payload: {
        widget: {
          primaryColor: '#0b6e4f',
          greeting: 'Welcome to the Alpine shop!',
          position: 'bottom-left',
          strings: { en: { title: 'Ask Alpine', send: 'Send it' }, fr: { title: 'Demandez à Alpine', greeting: 'Bienvenue chez Alpine !' } },
        },
      },
    });
    assert.equal(patched.statusCode, 200, patched.body);

    for (const [locale, title, greeting, send] of [
      ['en-US', 'Ask Alpine', 'Welcome to the Alpine shop!', 'Send it'],
      ['fr-FR', 'Demandez à Alpine', 'Bienvenue chez Alpine !', 'Envoyer'],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale });
      try {
        const p = await context.newPage();
        await p.goto(`${base}/demo`);
        const launcher = p.getByRole('button', { name: title });
        await launcher.waitFor();
        assert.equal(await launcher.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(11, 110, 79)', `${locale}: the store's colour`);
        assert.ok((await launcher.boundingBox())!.x < 200, `${locale}: bottom-left`);
        await launcher.click();
        await p.getByRole('dialog', { name: title }).getByText(greeting).waitFor();
        await p.getByRole('button', { name: send, exact: true }).waitFor();
        const logoLoaded = p.locator('concierge-widget header img');
        await logoLoaded.waitFor();
        assert.equal(await logoLoaded.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth), 1, 'the uploaded logo, served by the gateway');
        assert.equal(await p.locator('concierge-widget section[role="dialog"]').getAttribute('lang'), locale.slice(0, 2));
        assert.deepEqual(
          (await axeViolations(p)).filter((v) => v.impact === 'serious' || v.impact === 'critical'),
          [],
          `${locale}: axe-core`,
        );
        await shot(p, `appearance-${locale}`);
      } finally {
        await context.close();
      }
    }
  });
});
