/** A message as the widget keeps it: the server's id, or a local id while it waits to be sent. */
export interface StoredMessage {
  id: string;
  role: 'customer' | 'assistant' | 'agent' | 'system';
  content: string;
  createdAt: string;
  quickReplies?: string[];
  card?: OrderCard;
}

/** An answer about an order, drawn as a card with its tracking link. */
export interface OrderCard {
  kind: 'order';
  order: string;
  status: string;
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  eta: string | null;
}

/** What survives a reload and a new tab: the conversation, its token, what was shown, what waits to be sent. */
export interface WidgetState {
  conversationId?: string;
  token?: string;
  /** The id of the newest message seen: the events stream resumes after it (Last-Event-ID). */
  lastEventId?: string;
  status?: string;
  messages: StoredMessage[];
  /** Messages typed while offline (or not yet acknowledged), sent in order with their local id as Idempotency-Key. */
  /** Messages not yet stored; `attachments` are photos already uploaded, sent with the message. */
  outbox: { localId: string; content: string; attachments?: string[] }[];
  followUpEmail?: string;
  /** The shopper's thumbs per answer id. */
  thumbs?: Record<string, 'up' | 'down'>;
  /** The rating given to the conversation since it was last resolved. */
  rated?: number;
}

const KEPT = 200;

/** localStorage under one key per widget key; a page that forbids storage gets a conversation for this page view only. */
export function widgetHistory(widgetKey: string) {
  const name = `concierge-widget:${widgetKey}`;
  const empty = (): WidgetState => ({ messages: [], outbox: [] });
  return {
    load(): WidgetState {
      try {
        const raw = localStorage.getItem(name);
        if (!raw) return empty();
        const parsed = JSON.parse(raw) as WidgetState;
        return {
          ...empty(),
          ...parsed,
          messages: Array.isArray(parsed.messages) ? parsed.messages : [],
          outbox: Array.isArray(parsed.outbox) ? parsed.outbox : [],
        };
      } catch {
        return empty();
      }
    },
    save(state: WidgetState): void {
      try {
        localStorage.setItem(name, JSON.stringify({ ...state, messages: state.messages.slice(-KEPT) }));
      } catch {
        // Storage full or forbidden: the conversation still works for this page view.
      }
    },
    /** Another tab changed it: the `storage` event's key to listen for. */
    key: name,
  };
}
