import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { builtWidget } from '../widget/serve';
import { buildConsole, type ConsoleBundle } from './build';

const here = dirname(fileURLToPath(import.meta.url));
// Pages and scripts from this origin only: no inline script, no third party. Images may also come over
// https: the widget preview shows the store's logo from the store's own site.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

let bundle: Promise<ConsoleBundle> | undefined;
/** Built once per process, on the first request: instances that never serve the console never pay for it. */
const built = () => (bundle ??= buildConsole());

function page(assets: ConsoleBundle, widgetPath: string): string {
  return readFileSync(join(here, 'index.html'), 'utf8')
    .replaceAll('{{widget}}', widgetPath)
    .replaceAll('{{js}}', `/console/app.js?v=${assets.jsHash}`)
    .replaceAll('{{css}}', `/console/app.css?v=${assets.cssHash}`);
}

const secure = (reply: FastifyReply) =>
  reply.header('content-security-policy', CSP).header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');

/** The operator console at /console: a single-page app on the public API (see docs/adr/0020). */
export function consoleSurface() {
  return async (app: FastifyInstance) => {
    const hidden = { schema: { hide: true }, logLevel: 'warn' as const };
    const html = async (_request: unknown, reply: FastifyReply) =>
      secure(reply)
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(page(await built(), (await builtWidget()).path));
    app.get('/console', hidden, html);
    app.get('/console/app.js', hidden, async (_request, reply) =>
      secure(reply)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .type('text/javascript; charset=utf-8')
        .send((await built()).js),
    );
    app.get('/console/app.css', hidden, async (_request, reply) =>
      secure(reply)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .type('text/css; charset=utf-8')
        .send((await built()).css),
    );
  };
}
