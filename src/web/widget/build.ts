import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface WidgetBundle {
  /** The widget (custom element), served at its content-hashed path for a year. */
  js: string;
  hash: string;
  path: string;
  /** The loader a shop's script tag names: short-cached, it points at the hashed bundle. */
  loader: string;
  /** Gzipped bytes of loader and bundle: what a shopper downloads. */
  gzipBytes: number;
}

const here = dirname(fileURLToPath(import.meta.url));

async function bundle(entry: string, define: Record<string, string> = {}): Promise<string> {
  const result = await build({
    entryPoints: [join(here, 'app', entry)],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: ['es2020', 'chrome90', 'firefox90', 'safari15'],
    legalComments: 'none',
    logLevel: 'silent',
    define,
  });
  return result.outputFiles[0]!.text;
}

/** Bundles the widget and its loader in memory with esbuild (no framework runtime, nothing written to disk). */
export async function buildWidget(): Promise<WidgetBundle> {
  const js = await bundle('element.ts');
  const hash = createHash('sha256').update(js).digest('hex').slice(0, 16);
  const path = `/widget/v1/${hash}/concierge.js`;
  const loader = await bundle('loader.ts', { WIDGET_PATH: JSON.stringify(path) });
  return { js, hash, path, loader, gzipBytes: gzipSync(js).length + gzipSync(loader).length };
}
