import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TurnStream } from '../../../agent/index';
import { AppError } from '../../../core/errors';
import { openEventStream } from './sse';

type EventStream = ReturnType<typeof openEventStream>;

/** The reply in pieces of a few words, as a model would stream it. */
export function wordTokens(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [];
}

/**
 * A streaming turn's reply as a remote model writes it: the event stream opens on the first piece
 * of text (until then an error is still an HTTP error), `token` events carry the text as it
 * arrives, `token_reset` withdraws it when the check after generation refused it.
 */
export function liveReply(request: FastifyRequest, reply: FastifyReply) {
  let stream: EventStream | undefined;
  let shown = '';
  const open = () => (stream ??= openEventStream(request, reply));
  const sink: TurnStream = {
    token(text) {
      shown += text;
      open().send('token', { text });
    },
    reset() {
      if (!stream) return;
      shown = '';
      stream.send('token_reset', { reason: 'the rewrite was refused; the reply follows' });
    },
  };
  return {
    sink,
    /** The stream to finish the turn on (opened now when no text came live). */
    stream: open,
    get started() {
      return stream !== undefined;
    },
    /** Sends what the stored reply adds to what was shown live; a reply that does not continue it is sent again whole after a reset. */
    finish(content: string) {
      const s = open();
      if (shown && !content.startsWith(shown)) {
        s.send('token_reset', { reason: 'the reply differs from what was streamed' });
        shown = '';
      }
      for (const token of wordTokens(content.slice(shown.length))) s.send('token', { text: token });
    },
    /** A turn that failed after the stream opened: the error as an event, then the end. */
    async fail(error: unknown) {
      const known = error instanceof AppError ? error : new AppError('internal', 'the turn failed');
      stream!.send('error', { code: known.code, message: known.message });
      await stream!.complete();
    },
  };
}
