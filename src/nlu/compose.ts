import type { Intent } from '../core/ports/nlu';
import { stableSeed } from './augment';
import type { LabelledExample } from './corpus';
import { seededRandom } from './linear-model';

// Intents about one order take order references and purchase context; the rest only light framing.
const ORDER_INTENTS = new Set<Intent>(['order_status', 'delivery_problem', 'return_request', 'exchange_request', 'return_status', 'refund_request', 'refund_status', 'cancel_order', 'change_address', 'modify_order', 'billing_invoice']);
const ORDER_REFS = ['#1042', 'order 2231', 'order #58812', 'W2378156', 'order no. 3310', '112-4567890-1234567', '#1187', 'ORD-55821', 'order number 4410', '#9003'];
const CONTEXT = [
  'I ordered a {p} last week.',
  'Bought the {p} for my sister.',
  'I placed an order on Monday.',
  'Quick question about my recent order.',
  'So I got my order on Friday.',
  'I ordered a couple of things from you guys.',
  'This is about the {p} I bought.',
  'Ordered online about two weeks ago.',
];
const NAMES = ['Sam', 'Maria', 'J. Chen', 'Priya', 'Tom', 'Alex', 'Olu', 'Kate M.'];
const OPENERS = ['Hi,', 'Hello,', 'Hey there,', 'Good afternoon,', 'Dear support team,', 'Hi team,'];
const CLOSERS = ['Thanks,', 'Thank you,', 'Best regards,', 'Cheers,', 'Regards,'];
const ANGRY = ['This is getting ridiculous.', 'Very disappointed.', 'Seriously??', 'Not impressed at all.', 'Fix this please!!'];
const POLITE = ['Thanks in advance!', 'Appreciate your help.', 'Many thanks.', 'Hope you can help :)'];
const PRODUCTS = ['jacket', 'hoodie', 'boots', 'sneakers', 'mug', 'lamp', 'backpack', 'sweater', 'tent', 'scarf', 'dress', 'water bottle'];
const PRODUCT_WORDS = /\b(jacket|hoodie|boots|shoes|sneakers|mug|mugs|lamp|backpack|sweater|tent|scarf|dress|socks|pants)\b/i;

type Variant = (text: string, pick: <T>(list: T[]) => T) => string;

const withOrderRef: Variant = (text, pick) => (/\d{3,}/.test(text) ? text : `${text.replace(/[.?!]*$/, '')} ${pick(['for', 'on', '-', '(', 're:'])} ${pick(ORDER_REFS)}`.replace(/\( (.*)$/, '($1)'));
const withContext: Variant = (text, pick) => `${pick(CONTEXT).replace('{p}', pick(PRODUCTS))} ${text}`;
const asEmail: Variant = (text, pick) => `${pick(OPENERS)}\n\n${text.charAt(0).toUpperCase()}${text.slice(1)}\n\n${pick(CLOSERS)}\n${pick(NAMES)}`;
const swapProduct: Variant = (text, pick) => text.replace(PRODUCT_WORDS, () => pick(PRODUCTS));
const shortChat: Variant = (text) => text.toLowerCase().replace(/\b(please|could you|can you|i would like to|i'd like to)\b ?/g, '').replace(/[.!]+$/, '').trim();

/**
 * Expands hand-written core examples into the way the same request arrives in practice: inside
 * an e-mail, after some context, with an order number, about another product, as a terse chat.
 * Deterministic (seeded by the text); labels are kept, tone-changing additions adjust sentiment.
 */
export function composeVariants(example: LabelledExample, count = 8): LabelledExample[] {
  const random = seededRandom(stableSeed(`${example.intent}:${example.text}`));
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const orderish = ORDER_INTENTS.has(example.intent);
  const variants: Variant[] = orderish ? [withOrderRef, withContext, asEmail, swapProduct, shortChat, (t, p) => asEmail(withOrderRef(t, p), p), (t, p) => withOrderRef(withContext(t, p), p)] : [asEmail, swapProduct, shortChat, (t) => `${t} 🙂`, (t) => t.toUpperCase()];
  const out = new Map<string, LabelledExample>();
  for (let i = 0; i < count * 3 && out.size < count; i += 1) {
    let text = pick(variants)(example.text, pick);
    let sentiment = example.sentiment;
    const tone = random();
    if (orderish && tone < 0.15) {
      text = `${text} ${pick(ANGRY)}`;
      sentiment = 'negative';
    } else if (tone > 0.85 && example.sentiment !== 'negative') {
      text = `${text} ${pick(POLITE)}`;
    }
    if (text !== example.text && text.trim().length > 0) out.set(text, { ...example, text, sentiment, source: 'composed', origin: example.text });
  }
  return [...out.values()];
}
