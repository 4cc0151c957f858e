import { token } from './session';

export interface StoreEvent {
  type: string;
  conversationId: string;
  data: Record<string, unknown>;
  at: string;
}

/**
 * Follows GET /v1/events (Server-Sent Events) with the session's token in the Authorization header
 * (EventSource cannot send one), reconnecting with backoff. Returns a function that stops it.
 */
export function followStoreEvents(onEvent: (event: StoreEvent) => void, onState?: (live: boolean) => void): () => void {
  let stopped = false;
  let controller: AbortController | undefined;
  let delay = 500;
  (async () => {
    while (!stopped) {
      controller = new AbortController();
      try {
        const bearer = await token();
        const response = await fetch('/v1/events', {
          headers: { accept: 'text/event-stream', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
          signal: controller.signal,
        });
        if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
        onState?.(true);
        delay = 500;
        await read(response.body, (type, data) => {
          if (type !== 'ready') onEvent(JSON.parse(data) as StoreEvent);
        });
      } catch {
        // Reconnect below.
      }
      onState?.(false);
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 10_000);
    }
  })();
  return () => {
    stopped = true;
    controller?.abort();
  };
}

async function read(body: ReadableStream<Uint8Array>, onMessage: (type: string, data: string) => void) {
  const reader = body.pipeThrough(new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let type = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) type = line.slice(7);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      if (data.length > 0) onMessage(type, data.join('\n'));
    }
  }
}
