import type { Appearance } from './appearance';
import type { OrderCard } from './history';
import { readEventStream } from './sse';

/** A message as the API sends it to a widget (never the store's trace). */
export interface ApiMessage {
  id: string;
  role: 'customer' | 'assistant' | 'agent' | 'system';
  content: string;
  createdAt: string;
  quickReplies?: string[];
  card?: OrderCard;
}

/** An answer the API refused (4xx/5xx), with its error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface TurnHandlers {
  received(message: ApiMessage): void;
  token(text: string): void;
  /** The text streamed so far is withdrawn (the check after generation refused it); the reply follows. */
  tokenReset(): void;
  message(message: ApiMessage): void;
  done(outcome: { escalated: boolean; status: string }): void;
}

export interface ConversationEventHandlers {
  ready(status: string): void;
  event(type: string, id: string | undefined, data: { data?: { message?: ApiMessage; to?: string } }): void;
}

/** The conversation API as a widget uses it: its public key, and the conversation's token once it has one. */
export function widgetApi(base: string, key: string, token: () => string | undefined) {
  const headers = (extra: Record<string, string> = {}) => {
    const t = token();
    return { authorization: `Bearer ${key}`, ...(t ? { 'x-conversation-token': t } : {}), ...extra };
  };
  async function refuse(response: Response): Promise<never> {
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    throw new ApiError(response.status, body.error?.code ?? 'error', body.error?.message ?? `HTTP ${response.status}`);
  }

  return {
    /** The store's colour, logo, position and strings; revalidated by the browser's cache with its ETag. */
    async appearance(signal: AbortSignal): Promise<Appearance> {
      const response = await fetch(`${base}/v1/widget/appearance`, { headers: { authorization: `Bearer ${key}` }, signal });
      if (!response.ok) await refuse(response);
      return (await response.json()) as Appearance;
    },

    async createConversation(): Promise<{ id: string; accessToken: string; status: string }> {
      const response = await fetch(`${base}/v1/conversations`, {
        method: 'POST',
        headers: headers({ 'content-type': 'application/json' }),
        body: JSON.stringify({ channel: 'widget' }),
      });
      if (!response.ok) await refuse(response);
      return (await response.json()) as { id: string; accessToken: string; status: string };
    },

    /** One shopper turn, streamed; `localId` is its Idempotency-Key, so a retry after a dropped answer never posts it twice. */
    async sendMessage(conversationId: string, content: string, localId: string, on: TurnHandlers, attachments: string[] = []): Promise<void> {
      const response = await fetch(`${base}/v1/conversations/${conversationId}/messages`, {
        method: 'POST',
        headers: headers({ 'content-type': 'application/json', accept: 'text/event-stream', 'idempotency-key': localId }),
        body: JSON.stringify(attachments.length ? { content, attachments } : { content }),
      });
      if (!response.ok || !response.body) await refuse(response);
      await readEventStream(response.body!, (event) => {
        const data = JSON.parse(event.data) as unknown;
        if (event.type === 'received') on.received(data as ApiMessage);
        else if (event.type === 'token') on.token((data as { text: string }).text);
        else if (event.type === 'token_reset') on.tokenReset();
        else if (event.type === 'message') on.message(data as ApiMessage);
        else if (event.type === 'done') on.done(data as { escalated: boolean; status: string });
      });
    },

    /** A photo (base64) for the conversation; its id is sent with the next message. */
    async uploadPhoto(conversationId: string, image: string): Promise<string> {
      const response = await fetch(`${base}/v1/conversations/${conversationId}/attachments`, {
        method: 'POST',
        headers: headers({ 'content-type': 'application/json' }),
        body: JSON.stringify({ image }),
      });
      if (!response.ok) await refuse(response);
      return ((await response.json()) as { id: string }).id;
    },

    async leaveEmail(conversationId: string, email: string): Promise<void> {
      const response = await fetch(`${base}/v1/conversations/${conversationId}/follow-up`, {
        method: 'POST',
        headers: headers({ 'content-type': 'application/json' }),
        body: JSON.stringify({ email }),
      });
      if (!response.ok) await refuse(response);
    },

    async rateAnswer(conversationId: string, messageId: string, thumb: 'up' | 'down'): Promise<void> {
      const response = await fetch(`${base}/v1/conversations/${conversationId}/messages/${messageId}/feedback`, {
        method: 'PUT',
        headers: headers({ 'content-type': 'application/json' }),
        body: JSON.stringify({ thumb }),
      });
      if (!response.ok) await refuse(response);
    },

    async rateConversation(conversationId: string, score: number): Promise<void> {
      const response = await fetch(`${base}/v1/conversations/${conversationId}/rating`, {
        method: 'PUT',
        headers: headers({ 'content-type': 'application/json' }),
        body: JSON.stringify({ score }),
      });
      if (!response.ok) await refuse(response);
    },

    /** Follows the conversation's events until `signal` aborts or the stream ends (the caller reconnects). */
    async followEvents(conversationId: string, lastEventId: string | undefined, signal: AbortSignal, on: ConversationEventHandlers): Promise<void> {
      const response = await fetch(`${base}/v1/conversations/${conversationId}/events`, {
        headers: headers({ accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) }),
        signal,
        cache: 'no-store',
      });
      if (!response.ok || !response.body) await refuse(response);
      await readEventStream(response.body!, (event) => {
        const data = JSON.parse(event.data) as { status?: string; data?: { message?: ApiMessage; to?: string } };
        if (event.type === 'ready') on.ready(data.status ?? 'open');
        else on.event(event.type, event.id, data);
      });
    },
  };
}

export type WidgetApi = ReturnType<typeof widgetApi>;
