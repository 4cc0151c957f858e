import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A directory in the eval-blind layout (written by someone who never saw the training corpus):
 * intents.jsonl {id,text,intent}, order-numbers.jsonl {id,text,orderNumbers}, sentiment.jsonl
 * {id,text,sentiment,frustration?} and, optionally, retrieval questions over a folder of documents.
 */
export interface BlindIntentCase {
  id: string;
  text: string;
  intent: string;
}
export interface BlindOrderCase {
  id: string;
  text: string;
  orderNumbers: string[];
}
export interface BlindSentimentCase {
  id: string;
  text: string;
  sentiment: string;
  frustration?: boolean;
}

export function readJsonLines<T>(path: string): T[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

export function loadBlindSet(dir: string) {
  return {
    intents: readJsonLines<BlindIntentCase>(join(dir, 'intents.jsonl')),
    orderNumbers: readJsonLines<BlindOrderCase>(join(dir, 'order-numbers.jsonl')),
    sentiment: readJsonLines<BlindSentimentCase>(join(dir, 'sentiment.jsonl')),
  };
}
