import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const EVENT_STREAM = 'text/event-stream; charset=utf-8';

/**
 * Takes over the response for Server-Sent Events, keeping the CORS and request-id headers already
 * decided. Fastify's onSend does not run for it, so a request carrying an Idempotency-Key records
 * its answer here: the stream's transcript when it ends, replayed as a stream to a retry; a stream
 * closed without ending frees the key (what it streamed was committed first, and a retry finds it).
 */
export function openEventStream(request: FastifyRequest, reply: FastifyReply) {
  const headers: Record<string, string> = {
    'content-type': EVENT_STREAM,
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  };
  for (const name of ['access-control-allow-origin', 'access-control-expose-headers', 'vary', 'x-request-id']) {
    const value = reply.getHeader(name);
    if (typeof value === 'string') headers[name] = value;
  }
  const claim = request.idempotencyClaim;
  request.idempotencyClaim = null;
  const transcript: string[] | null = claim ? [] : null;
  reply.hijack();
  reply.raw.writeHead(200, headers);
  let open = true;
  request.raw.on('close', () => {
    open = false;
  });
  if (claim)
    reply.raw.once(
      'close',
      () => void claim.finish(500, '', '').catch((error: unknown) => request.log.error({ err: error }, 'idempotency key release failed')),
    );
  const write = (chunk: string) => {
    transcript?.push(chunk);
    if (open) reply.raw.write(chunk);
  };
  return {
    get open() {
      return open && !reply.raw.writableEnded;
    },
    send(event: string, data: unknown, id?: string) {
      write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    comment(text: string) {
      if (open) reply.raw.write(`: ${text}\n\n`);
    },
    end() {
      if (!reply.raw.writableEnded) reply.raw.end();
    },
    /** Ends a finite stream (one answer); with an Idempotency-Key its transcript is recorded first, so a retry that follows `done` is a replay. */
    async complete() {
      if (claim && transcript)
        await claim
          .finish(200, EVENT_STREAM, transcript.join(''))
          .catch((error: unknown) => request.log.error({ err: error }, 'idempotency answer not recorded'));
      this.end();
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
