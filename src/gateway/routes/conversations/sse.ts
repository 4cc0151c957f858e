import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Takes over the response for Server-Sent Events, keeping the CORS and request-id headers already decided. */
export function openEventStream(request: FastifyRequest, reply: FastifyReply) {
  const headers: Record<string, string> = {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  };
  for (const name of ['access-control-allow-origin', 'access-control-expose-headers', 'vary', 'x-request-id']) {
    const value = reply.getHeader(name);
    if (typeof value === 'string') headers[name] = value;
  }
  reply.hijack();
  reply.raw.writeHead(200, headers);
  let open = true;
  request.raw.on('close', () => {
    open = false;
  });
  return {
    get open() {
      return open && !reply.raw.writableEnded;
    },
    send(event: string, data: unknown, id?: string) {
      if (!open) return;
      reply.raw.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    comment(text: string) {
      if (open) reply.raw.write(`: ${text}\n\n`);
    },
    end() {
      if (!reply.raw.writableEnded) reply.raw.end();
    },
  };
}

export const wantsEventStream = (request: FastifyRequest) => (request.headers.accept ?? '').includes('text/event-stream');

/**
 * The open streams of one route plugin. The server-closing hook is added once, when the plugin registers
 * (Fastify refuses hooks once it listens: adding one per request threw on every subscription and never
 * ran). preClose, not onClose: the server waits for open connections before onClose runs.
 */
export function openStreams(app: FastifyInstance) {
  const closers = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const close of [...closers]) close();
  });
  return {
    /** Runs `close` once: when the client goes away (even before this call), or when the server closes. */
    track(reply: FastifyReply, close: () => void): void {
      let done = false;
      const once = () => {
        if (done) return;
        done = true;
        closers.delete(once);
        close();
      };
      closers.add(once);
      reply.raw.once('close', once);
      if (reply.raw.destroyed || reply.raw.writableEnded) once();
    },
  };
}
