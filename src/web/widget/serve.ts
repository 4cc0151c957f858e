import type { FastifyInstance, FastifyReply } from 'fastify';
import { buildWidget, type WidgetBundle } from './build';

let bundle: Promise<WidgetBundle> | undefined;
/** Built once per process, on the first request. */
export const builtWidget = () => (bundle ??= buildWidget());

const script = (reply: FastifyReply, cache: string) =>
  reply
    .header('cache-control', cache)
    .header('x-content-type-options', 'nosniff')
    // Any shop may load it (the widget key's allowed origins decide who may talk to the API).
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin')
    .type('text/javascript; charset=utf-8');

/** The website widget: GET /widget/v1/concierge.js (loader, 5 minutes) and /widget/v1/{hash}/concierge.js (immutable). See docs/adr/0025. */
export function widgetSurface() {
  return async (app: FastifyInstance) => {
    const hidden = { schema: { hide: true }, logLevel: 'warn' as const };
    app.get('/widget/v1/concierge.js', hidden, async (_request, reply) => script(reply, 'public, max-age=300').send((await builtWidget()).loader));
    app.get<{ Params: { hash: string } }>('/widget/v1/:hash/concierge.js', hidden, async (request, reply) => {
      const built = await builtWidget();
      if (request.params.hash !== built.hash) {
        // An older release's bundle: the loader (5 minutes) points at the current one.
        return reply
          .status(404)
          .header('cache-control', 'no-store')
          .send({ error: { code: 'not_found', message: 'no widget bundle with this hash; load /widget/v1/concierge.js', requestId: request.id } });
      }
      return script(reply, 'public, max-age=31536000, immutable').send(built.js);
    });
  };
}
