import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { intents, type Intent, type Sentiment } from '../core/ports/nlu';
import { composeVariants } from './compose';

export interface LabelledExample {
  text: string;
  intent: Intent;
  sentiment: Sentiment;
  subIntents: Intent[];
  source: string;
  /** For composed variants: the written example they come from (keeps them on its side of a split). */
  origin?: string;
}

export const corpusDir = join(dirname(fileURLToPath(import.meta.url)), 'corpus');
const TRAIN_FOLDERS = ['core', 'seed', 'train'];

function readJsonl(path: string, intent: Intent | undefined, source: string): LabelledExample[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, index) => {
      const row = JSON.parse(line) as { text: string; sentiment: Sentiment; subIntents?: Intent[]; intent?: Intent };
      const label = row.intent ?? intent;
      if (!label || !intents.includes(label)) throw new Error(`${path}:${index + 1}: unknown intent ${label}`);
      return { text: row.text, intent: label, sentiment: row.sentiment, subIntents: (row.subIntents ?? []).filter((i) => intents.includes(i)), source };
    });
}

function readFolder(folder: string): LabelledExample[] {
  const dir = join(corpusDir, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) => readJsonl(join(dir, name), name.replace(/\.jsonl$/, '') as Intent, folder));
}

/** What people wrote: the hand-written folders plus the hard cases. */
export function loadWrittenCorpus(): LabelledExample[] {
  const hard = join(corpusDir, 'hard-cases.jsonl');
  return [...TRAIN_FOLDERS.flatMap(readFolder), ...(existsSync(hard) ? readJsonl(hard, undefined, 'hard') : [])];
}

/** Every example the model trains on: the written ones and the composed variants of the core ones. */
export function loadTrainingCorpus(composedPerExample = 8): LabelledExample[] {
  const written = loadWrittenCorpus();
  return [...written, ...written.filter((e) => e.source === 'core').flatMap((e) => composeVariants(e, composedPerExample))];
}

/** The held-out split: never trained on, only measured. */
export const loadHeldOut = (): LabelledExample[] => readFolder('heldout');

/**
 * A second split never trained on, written by a writer who never saw the corpus, in the styles of
 * public customer-service data sets (Bitext's templated requests, support tweets, chat openings,
 * short e-mails): how the model reads messages unlike its own training data.
 */
export const loadPublicStyle = (): LabelledExample[] => readFolder('public-style');

/** A text labelled for sentiment alone: public posts that teach tone, never intents. */
export interface SentimentExample {
  text: string;
  sentiment: Sentiment;
  source: string;
}

const SENTIMENTS: readonly Sentiment[] = ['negative', 'neutral', 'positive'];

/** The sentiment-only corpus: `corpus/public/*.jsonl` ({text, sentiment}), licences in its README. */
export function loadSentimentCorpus(): SentimentExample[] {
  const dir = join(corpusDir, 'public');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) =>
      readFileSync(join(dir, name), 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line, index) => {
          const row = JSON.parse(line) as { text: string; sentiment: Sentiment };
          if (!SENTIMENTS.includes(row.sentiment)) throw new Error(`${name}:${index + 1}: unknown sentiment ${row.sentiment}`);
          return { text: row.text, sentiment: row.sentiment, source: name.replace(/\.jsonl$/, '') };
        }),
    );
}

/** A digest of the training corpus: the model records it, and a test checks they still match. */
export function corpusHash(examples: LabelledExample[], sentimentOnly: SentimentExample[] = []): string {
  const hash = createHash('sha256');
  for (const e of examples) hash.update(`${e.intent}\t${e.sentiment}\t${e.subIntents.join(',')}\t${e.text}\n`);
  for (const e of sentimentOnly) hash.update(`-\t${e.sentiment}\t\t${e.text}\n`);
  return hash.digest('hex');
}
