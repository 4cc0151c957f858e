import type { ModelAnswer, ReceivedRequest } from './model-wire';

/** The user turn's text and the system text, whichever protocol carried them. */
export function turnsOf(request: ReceivedRequest): { system: string; user: string[] } {
  const body = request.body as { system?: string; messages: { role: string; content: string }[] };
  const system = typeof body.system === 'string' ? body.system : body.messages.filter((m) => m.role === 'system').map((m) => m.content).join('\n');
  return { system, user: body.messages.filter((m) => m.role === 'user').map((m) => m.content) };
}

const fenced = (text: string, name: string) => text.match(new RegExp(`<<<${name}\\n([\\s\\S]*?)\\n${name}>>>`))?.[1] ?? '';

const INTENT_WORDS: [RegExp, string][] = [
  [/refund|money back/i, 'refund_request'],
  [/return|send (it|them) back/i, 'return_request'],
  [/cancel/i, 'cancel_order'],
  [/where|track|arriv|status|still/i, 'order_status'],
  [/waterproof|size|material|jacket|in stock/i, 'product_question'],
];

export interface ScriptedModelOptions {
  /** The understanding names this order instead of the one written (a hallucination). */
  inventOrder?: string;
  /** Phrasing adds this sentence (a hallucinated fact). */
  addSentence?: string;
  /** Everything stalls: no answer ever comes. */
  hang?: boolean;
}

/**
 * A small rule-following "model" for the fake servers: it understands by keywords and the
 * placeholders it was given, phrases by wrapping the draft it was sent (placeholders kept), and
 * answers from passage 1 with a citation. What it says depends on what it received.
 */
export function scriptedModel(options: () => ScriptedModelOptions) {
  return (request: ReceivedRequest): ModelAnswer => {
    const o = options();
    if (o.hang) return { hang: true };
    const { user } = turnsOf(request);
    const last = user.at(-1) ?? '';
    if (request.raw.includes('"understand"')) {
      const message = fenced(last, 'SHOPPER');
      const intent = INTENT_WORDS.find(([pattern]) => pattern.test(message))?.[1] ?? 'other';
      const order = o.inventOrder ?? message.match(/\{\{order\.\d+\}\}/)?.[0] ?? null;
      return { tool: { name: 'understand', input: { intent, order_number: order, items: [], confidence: 0.9 } } };
    }
    if (last.includes('Passages:')) {
      const passage = last.match(/\[1\] [^\n]*\n([^\n]+)/)?.[1] ?? '';
      return { text: `From our help pages: ${passage.split(/(?<=\.)\s/)[0]} [1]` };
    }
    const draft = fenced(last, 'DRAFT');
    return { text: `Thanks for reaching out! ${draft}${o.addSentence ? ` ${o.addSentence}` : ''}` };
  };
}
