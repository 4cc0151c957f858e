import { ApiError, type ApiMessage, type WidgetApi } from './api';
import type { StoredMessage, WidgetState, widgetHistory } from './history';
import type { WidgetStrings } from './strings';
import type { WidgetView } from './view';
import { preparePhoto } from './photo';

const STATUS_OF_EVENT: Record<string, string> = {
  'conversation.handoff_requested': 'handed_off',
  'conversation.handed_back': 'open',
  'conversation.reopened': 'open',
  'conversation.resolved': 'resolved',
  'conversation.pending': 'pending',
};

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The conversation as the shopper sees it: history kept across reloads and tabs, an outbox that
 * survives going offline, the events stream resumed after the last message seen. Every message is
 * shown once: by its server id, and a pending one is swapped for the stored one when acknowledged.
 */
export function widgetConversation(api: WidgetApi, history: ReturnType<typeof widgetHistory>, view: WidgetView, strings: WidgetStrings, state: WidgetState) {
  const shown = new Set<string>();
  /** Messages whose acknowledgement was lost (a retry found the first attempt already taken): matched by content when they come back. */
  const unacknowledged: { localId: string; content: string }[] = [];
  let sending = false;
  let held: { type: string; id: string | undefined; data: { data?: { message?: ApiMessage; to?: string } } }[] = [];
  let events: AbortController | undefined;
  let following = false;

  const save = () => history.save(state);

  function setStatus(status: string) {
    // A conversation reopened after a rating can be rated again when it is next resolved.
    if (status !== 'resolved' && state.status === 'resolved') state.rated = undefined;
    state.status = status;
    view.handoff(status === 'handed_off', state.followUpEmail);
    view.rating(status === 'resolved', state.rated);
    save();
  }

  function add(message: ApiMessage | StoredMessage) {
    if (shown.has(message.id)) return;
    const stored: StoredMessage = {
      id: message.id,
      role: message.role,
      content: message.content,
      createdAt: message.createdAt,
      ...(message.quickReplies?.length ? { quickReplies: message.quickReplies } : {}),
      ...(message.card ? { card: message.card } : {}),
    };
    if (stored.role === 'customer') {
      const lost = unacknowledged.findIndex((u) => u.content === stored.content);
      if (lost >= 0) view.removePending(unacknowledged.splice(lost, 1)[0]!.localId);
    }
    shown.add(stored.id);
    view.addMessage(stored);
    const thumb = state.thumbs?.[stored.id];
    if (thumb) view.setThumb(stored.id, thumb);
    if (!state.messages.some((m) => m.id === stored.id)) {
      state.messages.push(stored);
      state.messages.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    }
    state.lastEventId = state.messages[state.messages.length - 1]?.id;
    save();
  }

  function apply(type: string, data: { data?: { message?: ApiMessage; to?: string } }) {
    if (type === 'conversation.message_created' && data.data?.message) add(data.data.message);
    const status = STATUS_OF_EVENT[type];
    if (status) setStatus(status);
  }

  async function ensureConversation(): Promise<string> {
    if (state.conversationId && state.token) return state.conversationId;
    const created = await api.createConversation();
    state.conversationId = created.id;
    state.token = created.accessToken;
    state.status = created.status;
    save();
    follow();
    return created.id;
  }

  /** Sends the outbox in order; stops (keeping it) when the network fails, and starts again when it is back. */
  async function flush(): Promise<void> {
    if (sending) return;
    sending = true;
    try {
      while (state.outbox.length > 0) {
        if (!navigator.onLine) break;
        const item = state.outbox[0]!;
        view.markQueued(item.localId, false);
        let conversationId: string;
        try {
          conversationId = await ensureConversation();
          view.typing(state.status !== 'handed_off');
          await api.sendMessage(conversationId, item.content, item.localId, {
            received: (message) => {
              // Stored: it leaves the outbox now, whatever happens to the rest of the answer.
              state.outbox.shift();
              view.removePending(item.localId);
              add(message);
            },
            token: (text) => view.streamToken(text),
            tokenReset: () => view.endStream(),
            message: (message) => {
              view.endStream();
              add(message);
            },
            done: (outcome) => setStatus(outcome.status),
          }, item.attachments);
          if (state.outbox[0]?.localId === item.localId) state.outbox.shift();
        } catch (error) {
          view.endStream();
          if (error instanceof ApiError && (error.code === 'conflict' || error.code === 'idempotency_conflict')) {
            // An earlier attempt was taken (its answer was lost on the way): the events stream brings both back.
            state.outbox.shift();
            unacknowledged.push(item);
          } else if (error instanceof ApiError && error.status < 500 && error.status !== 429) {
            state.outbox.shift();
            view.failPending(item.localId, error.message);
          } else {
            view.markQueued(item.localId, true);
            save();
            break;
          }
        } finally {
          view.typing(false);
          save();
        }
      }
    } finally {
      sending = false;
      const later = held;
      held = [];
      for (const event of later) apply(event.type, event.data);
    }
    if (state.outbox.length > 0 && navigator.onLine) setTimeout(() => void flush(), 3000);
  }

  /** Follows the conversation's events for as long as the page lives, resuming after the last message seen. */
  function follow() {
    if (following || !state.conversationId) return;
    following = true;
    void (async () => {
      let delay = 500;
      while (state.conversationId) {
        if (!navigator.onLine) {
          await new Promise((resolve) => window.addEventListener('online', resolve, { once: true }));
        }
        events = new AbortController();
        try {
          await api.followEvents(state.conversationId, state.lastEventId, events.signal, {
            ready: (status) => {
              delay = 500;
              view.status('');
              setStatus(status);
            },
            event: (type, id, data) => {
              if (sending) held.push({ type, id, data });
              else apply(type, data);
            },
          });
        } catch (error) {
          if (error instanceof ApiError && (error.status === 404 || error.status === 401)) {
            // The conversation or the key is gone: start afresh at the next message.
            state.conversationId = undefined;
            state.token = undefined;
            save();
            break;
          }
        }
        if (navigator.onLine) view.status(strings.reconnecting);
        await wait(delay);
        delay = Math.min(delay * 2, 10_000);
      }
      following = false;
    })();
  }

  window.addEventListener('offline', () => {
    view.status(strings.offline);
    events?.abort();
  });
  window.addEventListener('online', () => {
    view.status('');
    void flush();
  });

  return {
    /** Draws what the history holds and reconnects; called once at start. */
    start() {
      for (const message of state.messages) add(message);
      for (const item of state.outbox) view.addPending(item.localId, item.content || strings.photoSent, true);
      view.handoff(state.status === 'handed_off', state.followUpEmail);
      view.rating(state.status === 'resolved', state.rated);
      if (!navigator.onLine) view.status(strings.offline);
      follow();
      void flush();
    },
    /** A photo the shopper chose: uploaded now (it needs the conversation), then sent like a message. */
    async attach(file: Blob) {
      const localId = crypto.randomUUID();
      view.addPending(localId, strings.photoSent, false);
      try {
        const conversationId = await ensureConversation();
        const id = await api.uploadPhoto(conversationId, await preparePhoto(file));
        state.outbox.push({ localId, content: '', attachments: [id] });
        save();
        void flush();
      } catch (error) {
        view.failPending(localId, error instanceof Error ? error.message : String(error), strings.photoFailed);
      }
    },
    send(content: string) {
      const localId = crypto.randomUUID();
      state.outbox.push({ localId, content });
      save();
      view.addPending(localId, content, !navigator.onLine);
      void flush();
    },
    async thumb(messageId: string, value: 'up' | 'down') {
      if (!state.conversationId) return;
      try {
        await api.rateAnswer(state.conversationId, messageId, value);
        state.thumbs = { ...state.thumbs, [messageId]: value };
        save();
        view.setThumb(messageId, value);
      } catch {
        // Not stored (offline): the buttons stay as they were, and the shopper can press again.
      }
    },
    async rate(score: number) {
      if (!state.conversationId) return;
      try {
        await api.rateConversation(state.conversationId, score);
        state.rated = score;
        save();
        view.rating(true, score);
      } catch {
        // Not stored: the question stays.
      }
    },
    async leaveEmail(email: string) {
      if (!state.conversationId) return;
      try {
        await api.leaveEmail(state.conversationId, email);
        state.followUpEmail = email;
        save();
        view.handoff(true, email);
      } catch (error) {
        view.emailError(error instanceof Error ? error.message : String(error));
      }
    },
  };
}
