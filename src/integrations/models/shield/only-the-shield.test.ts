import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const ROOT = join(import.meta.dirname, '../../../..');
// The provider adapters: the only files that may hold an official client, and they take shielded prompts only.
const ALLOWED = ['src/integrations/models/openai/', 'src/integrations/models/anthropic/'];
const CLIENT_IMPORT = /from\s+['"](openai|@anthropic-ai\/sdk)(\/[^'"]*)?['"]|require\(\s*['"](openai|@anthropic-ai\/sdk)/;
const FORGED_BRAND = /as\s+(unknown\s+as\s+)?Shielded(Prompt|Texts)/;

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(name)) yield path;
  }
}

test('nothing but the provider adapters imports an official model client', () => {
  const offenders: string[] = [];
  for (const folder of ['src', 'test', 'bench', 'scripts']) {
    for (const path of sources(join(ROOT, folder))) {
      const file = relative(ROOT, path);
      if (ALLOWED.some((prefix) => file.startsWith(prefix))) continue;
      if (CLIENT_IMPORT.test(readFileSync(path, 'utf8'))) offenders.push(file);
    }
  }
  assert.deepEqual(offenders, []);
});

test('only the shield makes a shielded prompt', () => {
  const offenders: string[] = [];
  for (const path of sources(join(ROOT, 'src'))) {
    const file = relative(ROOT, path);
    if (file === 'src/integrations/models/shield/shield.ts' || file.endsWith('.test.ts')) continue;
    if (FORGED_BRAND.test(readFileSync(path, 'utf8'))) offenders.push(file);
  }
  assert.deepEqual(offenders, []);
});
