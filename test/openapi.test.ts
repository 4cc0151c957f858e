import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { committed, documentText, schemaText } from '../scripts/client/generate';
import { startTestSystem, type TestSystem } from './support/system';

// Served but not API: the docs viewer's assets, the console's and the widget's files, the /demo shop page, CORS preflight and HEAD twins of GETs.
const undocumented = (method: string, url: string) => method === 'HEAD' || method === 'OPTIONS' || url.startsWith('/docs') || url.startsWith('/console') || url.startsWith('/widget/') || url === '/demo' || url.startsWith('/demo/');

describe('the OpenAPI document', () => {
  let t: TestSystem;
  let document: { paths: Record<string, Record<string, { operationId?: string; responses: Record<string, unknown> }>> };
  before(async () => {
    t = await startTestSystem();
    document = (await t.app.inject('/openapi.json')).json();
  });
  after(() => t.close());

  test("lints clean under Redocly's recommended rules (no error, no warning)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'concierge-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(document));
      const run = spawnSync(process.execPath, [join('node_modules', '@redocly', 'cli', 'bin', 'cli.js'), 'lint', file, '--format=stylish'], { encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } });
      const output = `${run.stdout}\n${run.stderr}`;
      assert.equal(run.status, 0, output);
      assert.match(output, /Your API description is valid/, output);
      assert.doesNotMatch(output, /You have \d+ warnings?/, output);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('every route the gateway serves is documented (fuzzers and the client discover routes from it)', () => {
    const missing = t.app.registeredRoutes
      .filter((route) => !route.hidden && !undocumented(route.method, route.url))
      .filter((route) => !document.paths[route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')]?.[route.method.toLowerCase()]);
    assert.deepEqual(missing, [], 'document these routes (see docs/api-routes.md)');
    const hidden = t.app.registeredRoutes.filter((route) => route.hidden && !undocumented(route.method, route.url));
    assert.deepEqual(hidden, [], 'API routes may not hide from the document');
  });

  test('every operation has a unique operationId and its error responses', () => {
    const ids = Object.values(document.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    assert.equal(new Set(ids).size, ids.length);
    const settings = document.paths['/v1/stores/{storeId}/settings']!['patch']!;
    for (const status of ['400', '401', '403', '404', '429', '500']) assert.ok(settings.responses[status], `PATCH settings documents ${status}`);
  });

  test('the committed TypeScript client matches the live document (run `npm run client:generate`)', async () => {
    const files = committed();
    assert.equal(files.document, documentText(document), 'clients/typescript/openapi.json is stale: run `npm run client:generate`');
    assert.equal(files.schema, await schemaText(document), 'clients/typescript/schema.d.ts is stale: run `npm run client:generate`');
  });
});
