import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { build } from 'esbuild';

export interface ConsoleBundle {
  js: string;
  css: string;
  jsHash: string;
  cssHash: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

/** Bundles the console (Preact + the generated API client) in memory with esbuild: no build step, nothing written to disk. */
export async function buildConsole(): Promise<ConsoleBundle> {
  const result = await build({
    entryPoints: [join(here, 'app', 'main.tsx')],
    bundle: true,
    write: false,
    outdir: 'console',
    minify: true,
    format: 'esm',
    target: ['es2022'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'))!.text;
  const css = readFileSync(join(here, 'app', 'console.css'), 'utf8');
  return { js, css, jsHash: hash(js), cssHash: hash(css) };
}
