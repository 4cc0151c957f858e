import type { MessageCard } from '../../core/conversation';
import type { AgentReply } from '../state-types';

/** An order at a glance, drawn as a card under the answer (the widget links the tracking page): the message's card shape. */
export type OrderCard = MessageCard;

/** What a shopper's screen can offer beside an answer: buttons that answer its question, and an order card. */
export interface ReplyExtras {
  quickReplies?: string[];
  card?: OrderCard;
}

// A closing question the shopper answers with yes or no ("Would you like me to pass it on?", "shall I start the return?").
const YES_NO = /(?:^|[.!—–-]\s*)(?:would you like|do you want|shall i|should i|can i|may i|is that (?:right|ok|okay|correct))\b[^.!?]*\?\s*$/i;
const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);

/** The buttons and card for an answer, from the reply template and its variables (never from the text of a shopper's message). */
export function replyExtras(reply: AgentReply | undefined, text: string): ReplyExtras {
  const extras: ReplyExtras = {};
  const template = reply?.template ?? '';
  const vars = reply?.vars ?? {};
  if (template.endsWith('/choose_items') && Array.isArray(vars.options)) {
    const titles = (vars.options as { title?: unknown }[]).map((o) => str(o.title)).filter((t): t is string => t !== null);
    if (titles.length > 0) extras.quickReplies = [...titles.slice(0, 8), 'All'];
  } else if ((template === 'returns/ask_size' || template === 'returns/variant_not_offered' || template === 'returns/variant_sold_out') && Array.isArray(vars.options)) {
    // The sizes (or colours) the agent asked the shopper to pick from, as buttons like the yes/no ones.
    const options = (vars.options as unknown[]).map(str).filter((o): o is string => o !== null);
    if (options.length > 0) extras.quickReplies = options.slice(0, 8);
  } else if (YES_NO.test(text.trim())) extras.quickReplies = ['Yes', 'No'];
  if (template.startsWith('wismo/') && str(vars.order_name)) {
    extras.card = {
      kind: 'order',
      order: str(vars.order_name)!,
      status: template.slice('wismo/'.length),
      carrier: str(vars.carrier),
      trackingNumber: str(vars.tracking_number),
      trackingUrl: str(vars.tracking_url),
      eta: str(vars.eta) ?? (vars.eta instanceof Date ? vars.eta.toISOString() : null),
    };
  }
  return extras;
}
