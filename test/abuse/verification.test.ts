import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestSystem, type TestSystem } from '../support/system';
import { abuseStore, assertNoPolicyLeak, type AbuseStore } from './support';

/**
 * Guessing an order's e-mail across conversations and channels: failures count per order and per
 * shopper wherever they happen; at the lockout nothing is checked any more (not even the right
 * e-mail) and a human takes over; no reply says whether a guess was close.
 */
let t: TestSystem;
let s: AbuseStore;
before(async () => {
  t = await startTestSystem();
  s = await abuseStore(t);
});
after(async () => {
  await t.close();
});

let next = 0;
const target = () => {
  const order = s.others[next++]!;
  const record = s.demo.records.orders.find((o) => o.name === order.name)!;
  return { ...order, tracking: record.fulfillments[0]?.trackingNumber ?? 'none' };
};
const wrong = (i: number) => `guess${i}.someone@example.com`;
/** What an order's status reply discloses: tracking, delivery, the items. */
const disclosed = (text: string, o: ReturnType<typeof target>) => text.includes(o.tracking) || /delivered|on its way|out for delivery|tracking/i.test(text);

async function attempt(channel: string, order: string, guess: string, customer?: Record<string, string>) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/v1/conversations',
    headers: s.headers,
    payload: { channel, ...(customer ? { customer } : {}) },
  });
  const id = response.json().id as string;
  await s.say(id, `where is my order ${order}?`);
  return { id, turn: await s.say(id, guess) };
}

describe('verification guessing', () => {
  test('two wrong e-mails in each of two conversations, then the right one in a third: nothing disclosed, a human takes over', async () => {
    const o = target();
    for (let c = 0; c < 2; c += 1) {
      const { id } = await attempt('api', o.name, wrong(c * 2));
      await s.say(id, wrong(c * 2 + 1));
    }
    const { turn } = await attempt('api', o.name, o.email);
    assert.ok(!disclosed(turn.text, o), turn.text);
    assert.equal(turn.escalated, true, 'handed off');
  });

  test('one wrong guess in each of five conversations: the fourth and fifth are not even checked', async () => {
    const o = target();
    for (let c = 0; c < 3; c += 1) await attempt('api', o.name, wrong(c));
    for (const guess of [wrong(9), o.email]) {
      const { turn } = await attempt('api', o.name, guess);
      assert.ok(!disclosed(turn.text, o), turn.text);
    }
  });

  test('guesses spread over channels (api, widget, e-mail) count together', async () => {
    const o = target();
    await attempt('api', o.name, wrong(1));
    await attempt('widget', o.name, wrong(2));
    await attempt('email', o.name, wrong(3));
    const { turn } = await attempt('widget', o.name, o.email);
    assert.ok(!disclosed(turn.text, o), turn.text);
  });

  test('the right e-mail after the lockout in the same conversation: still nothing', async () => {
    const o = target();
    const { id } = await attempt('api', o.name, wrong(1));
    await s.say(id, wrong(2));
    const turn = await s.say(id, o.email);
    assert.ok(!disclosed(turn.text, o), turn.text);
  });

  test('one shopper guessing three different orders is locked out of a fourth', async () => {
    const claimed = { email: 'prober@example.com' };
    // The widget's claimed e-mail is not vouched for: it names the shopper, it proves nothing.
    for (let i = 0; i < 3; i += 1) await attempt('widget', target().name, wrong(i), claimed);
    const o = target();
    const { turn } = await attempt('widget', o.name, o.email, claimed);
    assert.ok(!disclosed(turn.text, o), turn.text);
  });

  test('a near miss (one letter off) gets the same answer as a far miss: no "close"', async () => {
    const o = target();
    const near = `${o.email.slice(0, -5)}x${o.email.slice(-4)}`;
    const far = await attempt('api', o.name, wrong(7));
    const close = await attempt('api', o.name, near);
    assert.equal(close.turn.text, far.turn.text);
    assert.doesNotMatch(close.turn.text, /close|almost|nearly|typo|similar|\*\*\*/i);
  });

  test('the order e-mail with another case and spaces is the same e-mail (not a failure)', async () => {
    const o = target();
    const { turn } = await attempt('api', o.name, `  ${o.email.toUpperCase()} `);
    assert.ok(disclosed(turn.text, o) || /delivered/i.test(turn.text), turn.text);
  });

  test('the lockout never blocks the owner the channel vouches for', async () => {
    const o = target();
    for (let c = 0; c < 4; c += 1) await attempt('api', o.name, wrong(c));
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/conversations',
      headers: s.headers,
      payload: { channel: 'api', customer: { email: o.email } },
    });
    const turn = await s.say(response.json().id, `where is my order ${o.name}?`);
    assert.ok(disclosed(turn.text, o), turn.text);
  });

  test('failures are stored without the guessed e-mail or the order number', async () => {
    const o = target();
    await attempt('api', o.name, wrong(42));
    const rows = await t.system.database.query<{ subject_keys: string[] }>('SELECT subject_keys FROM verification_failures WHERE store_id = $1', [s.storeId]);
    assert.ok(rows.length > 0);
    const stored = JSON.stringify(rows);
    assert.ok(!stored.includes('guess42') && !stored.includes(o.name.slice(1)) && !stored.includes('@'), stored);
  });

  test('no reply in a guessing run names a count, a limit or a code', async () => {
    const o = target();
    const texts: string[] = [];
    for (let c = 0; c < 4; c += 1) {
      const { id, turn } = await attempt('api', o.name, wrong(c));
      texts.push(turn.text, (await s.say(id, wrong(c + 10))).text);
    }
    for (const text of texts) {
      assertNoPolicyLeak(text);
      assert.doesNotMatch(text, /\b\d+ (attempts|tries|guesses)\b|attempts? left|remaining/i, text);
    }
  });
});

describe('postal-code guessing (the finding as reported: the zip lockout started afresh in each conversation)', () => {
  /** A postal code of the same shape as the order's, but not it. */
  const wrongZip = (zip: string, i: number) => {
    const digits = zip.replace(/\D/g, '');
    if (digits.length >= 4) return String((Number(digits) + 101 * (i + 1)) % 10 ** digits.length).padStart(digits.length, '0');
    return `9${i}${i}0${i}`;
  };

  test('two wrong postal codes in each of two conversations, then the right one in a third: nothing disclosed, a human takes over', async () => {
    const o = target();
    for (let c = 0; c < 2; c += 1) {
      const { id } = await attempt('api', o.name, wrongZip(o.zip, c * 2));
      await s.say(id, wrongZip(o.zip, c * 2 + 1));
    }
    const { turn } = await attempt('api', o.name, o.zip);
    assert.ok(!disclosed(turn.text, o), turn.text);
    assert.equal(turn.escalated, true, 'handed off');
    assertNoPolicyLeak(turn.text);
  });

  test('postal codes and e-mails guessed in turn, over three channels, count together', async () => {
    const o = target();
    await attempt('api', o.name, wrongZip(o.zip, 0));
    await attempt('widget', o.name, wrong(1));
    await attempt('email', o.name, wrongZip(o.zip, 2));
    const { turn } = await attempt('api', o.name, o.zip);
    assert.ok(!disclosed(turn.text, o), turn.text);
  });

  test('a postal code one digit off is answered exactly like a far one', async () => {
    const [near, far] = [target(), target()];
    const oneOff = near.zip.replace(/\d(?=\D*$)/, (d) => String((Number(d) + 1) % 10));
    const a = await attempt('api', near.name, oneOff);
    const b = await attempt('api', far.name, wrongZip(far.zip, 7));
    const normalise = (text: string, name: string) => text.replaceAll(name, '#N');
    assert.equal(normalise(a.turn.text, near.name), normalise(b.turn.text, far.name));
    assert.doesNotMatch(a.turn.text, /close|almost|nearly|one (digit|letter)/i);
  });
});
