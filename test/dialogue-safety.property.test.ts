import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { generateDemoStore } from '../src/integrations/demo/generator/generate-store';
import { headNoun } from '../src/agent/understanding/product-mentions';
import { createStore, startTestSystem, type TestSystem } from './support/system';

// Property: over generated conversations (seeded shoppers, orders, items, wordings and short
// answers), the agent never acts (cancel, refund, return, exchange, address change) on an order the
// shopper did not name, or pick from a list of their orders the agent showed by number; and never
// on an item the shopper did not name or pick, unless it is the order's only item. An order a
// logged-in shopper did not number counts as named when it is the only one of theirs holding an
// item they named. And never on an order the shopper corrected away from ("sorry i meant 1043").
const SEED = Number(process.env.PROPERTY_SEED ?? 14);
const CONVERSATIONS = Number(process.env.PROPERTY_CONVERSATIONS ?? 40);

function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTING = new Set(['cancel_order', 'create_return', 'create_exchange', 'process_refund', 'update_address']);

let t: TestSystem;
let storeId: string;
const demo = generateDemoStore(new Date());
before(async () => {
  t = await startTestSystem();
  storeId = (await createStore(t, 'Property')).storeId;
  await t.system.catalog.write(storeId, demo.records);
});
after(() => t.close());

test('no action on an order or item the shopper did not name or choose', async () => {
  const rand = random(SEED);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const orders = demo.records.orders;
  const titlesOf = (name: string) => orders.find((o) => o.name === name)!.lineItems.map((l) => l.title);
  const heads = [...new Set(demo.records.products.map((p) => headNoun(p.title)!))];
  const ordersOf = (email: string) => Object.entries(demo.owners).filter(([, o]) => o.email === email).map(([name]) => name);
  const violations: string[] = [];

  for (let c = 0; c < CONVERSATIONS; c += 1) {
    const owner = demo.owners[pick(orders).name]!;
    const loggedIn = rand() < 0.6;
    const mine = ordersOf(owner.email);
    const target = rand() < 0.8 ? pick(mine) : pick(orders).name;
    const number = target.replace('#', '');
    const item = rand() < 0.5 ? pick(titlesOf(target)) : undefined;
    const noun = rand() < 0.3 ? pick(heads) : item ? headNoun(item) : undefined;
    const thing = noun ? `the ${noun}` : pick(['my order', 'it', 'this order', 'the order']);
    const naming = pick([`#${number}`, `order ${number}`, `its ${number}`, `it's ${number}`, `from ${number}`, number, '', '', '', 'my last order', 'the one i placed yesterday']);
    const request = pick([
      `I need to cancel ${thing}${naming ? `, ${naming}` : ''}`,
      `cancel ${naming || thing} please`,
      `i want to return ${thing}${naming ? ` from ${naming.replace(/^(its|it's|from) /, '')}` : ''}`,
      `refund ${thing} ${naming}, it arrived damaged`,
      `can i exchange ${thing} for a large ${naming}`,
      `change the address on ${naming || 'my order'} to 88 Pine Street, Austin, TX 78701`,
      `where is ${naming || 'my order'}`,
      `${naming} ${thing} never arrived i want my money back`,
    ]);
    const answers = [
      'yes', 'yes', 'ok', 'yes please', 'sure go ahead', 'no', '1', '2', 'the second one', 'both', 'all of them',
      owner.email, owner.zip, pick(Object.values(demo.owners)).zip, pick(orders).name.replace('#', ''), `${pick(orders).name}`,
      '88 Pine Street, Austin, TX 78701', 'it was damaged', 'changed my mind', 'the first one', `the ${pick(heads)}`,
      // docs/adr/0039: withdrawals, corrections and narrowed items mid-task
      'actually dont cancel it', 'never mind, forget it', `sorry i meant ${pick(orders).name.replace('#', '')}`, `just the ${pick(heads)}`, `actually ill keep the ${pick(heads)}`,
    ];
    const turns = [request, ...Array.from({ length: 3 + Math.floor(rand() * 3) }, () => pick(answers))];

    const conversationId = (await t.system.agent.conversations.create(storeId, { channel: 'api', ...(loggedIn ? { customer: { email: owner.email } } : {}) }, loggedIn)).conversation.id;
    const said: string[] = [];
    const replies: string[] = [];
    for (const text of turns) {
      const outcome = await t.system.agent.conversations.postMessage(storeId, conversationId, text);
      said.push(text);
      for (const action of outcome.actions.filter((a) => ACTING.has(a.type))) {
        const acted = String(action.data.orderName ?? '');
        const n = acted.replace('#', '');
        const named = said.some((s) => new RegExp(`(^|[^\\d])${n}([^\\d]|$)`).test(s));
        // Listed as a choice of the shopper's own orders (not proposed for a yes): "Which order…" / "Is this about order…".
        const listed = replies.some((r) => /Which order is this about|Is this about order/.test(r) && r.includes(acted));
        // A logged-in shopper named an item that, of all their orders, only this one holds (docs/adr/0035).
        const saidHeads = heads.filter((h) => said.some((s) => new RegExp(`\\b${h}s?\\b`, 'i').test(s)));
        const holds = (name: string, head: string) => titlesOf(name).some((title) => headNoun(title) === head);
        const byItem = loggedIn && saidHeads.some((h) => holds(acted, h) && mine.filter((o) => holds(o, h)).length === 1);
        if (!named && !listed && !byItem) violations.push(`${action.type} on ${acted} never named: ${JSON.stringify(said)}`);
        // A correction ("sorry i meant 1043") moves the task: the order corrected away from is not acted on unless named again after it.
        const corrected = said.findLastIndex((s) => /^sorry i meant \d+$/.test(s));
        if (corrected >= 0 && !said.slice(corrected).some((s) => new RegExp(`(^|[^\\d])${n}([^\\d]|$)`).test(s))) violations.push(`${action.type} on ${acted} after the shopper corrected it to another order: ${JSON.stringify(said)}`);
        const items = (action.data.items as { lineItemId: string }[] | undefined) ?? [];
        if (items.length > 0) {
          const onOrder = titlesOf(acted);
          const saidWords = said.join(' ').toLowerCase();
          const named = onOrder.some((title) => title.toLowerCase().split(/\W+/).some((w) => w.length > 3 && saidWords.includes(w)));
          const offered = replies.some((r) => /Which item/i.test(r));
          if (onOrder.length > 1 && !named && !offered && !/\b(all|both|everything|1|2|first|second)\b/.test(saidWords)) violations.push(`${action.type} on items of ${acted} never named: ${JSON.stringify(said)}`);
        }
      }
      replies.push(outcome.reply?.content ?? '');
    }
  }
  assert.deepEqual(violations, [], `seed ${SEED}:\n${violations.join('\n')}`);
});
