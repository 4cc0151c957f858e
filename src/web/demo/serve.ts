import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';

const here = dirname(fileURLToPath(import.meta.url));
// The demo shop is strict like a careful shop: scripts and connections to this origin only, no inline script or style.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** The demo store's widget key; undefined when this instance has no demo store (server mode, CONCIERGE_DEMO=false). */
export type DemoWidgetKey = () => Promise<string | undefined>;

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** GET /demo: a product page of the demo store with the widget on it, as a shop would embed it (one script tag). */
export function demoSurface(widgetKey: DemoWidgetKey) {
  return async (app: FastifyInstance) => {
    const hidden = { schema: { hide: true }, logLevel: 'warn' as const };
    const secure = (reply: FastifyReply) =>
      reply.header('content-security-policy', CSP).header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
    app.get('/demo', hidden, async (request, reply) => {
      const key = await widgetKey();
      if (!key)
        return reply
          .status(404)
          .send({
            error: {
              code: 'not_found',
              message: 'this instance has no demo store (it is made at the first start of the embedded default)',
              requestId: request.id,
            },
          });
      const page = readFileSync(join(here, 'page.html'), 'utf8').replace('{{widgetKey}}', escapeAttribute(key));
      return secure(reply).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page);
    });
    app.get('/demo/shop.css', hidden, async (_request, reply) =>
      secure(reply)
        .header('cache-control', 'public, max-age=300')
        .type('text/css; charset=utf-8')
        .send(readFileSync(join(here, 'shop.css'), 'utf8')),
    );
  };
}
