import { createRequire } from 'node:module';
import { words } from '../../text/tokenize';

// Function words and the filler of shoppers' questions: they match every passage.
const STOPWORDS = new Set(
  (
    'a an the and or but of to in on at for with by from is are was were be been being am i me my mine we our ours you your yours it its this that these those ' +
    'he she they them his her their do does did doing done have has had having will would can could should shall may might must there here as so if not no ' +
    'what which who whom whose when where why how about into than then too very just also any some such only own same other all each both more most few ' +
    'up down out off over under again once im ive id dont doesnt didnt cant wont isnt arent hi hello hey please thanks thank get got let lets tell know ' +
    'want wanted need like would anyone someone something go goes going went use using make made come put thing things stuff way really ' +
    'yes ok okay s t d ll m re ve'
  ).split(' '),
);

/** Lower-case content words of a text, possessives and apostrophes folded, stopwords dropped. */
export function retrievalWords(text: string): string[] {
  return words(text.toLowerCase().replace(/[’`´]/g, "'"))
    .map((word) => word.replace(/'s$/, '').replace(/'/g, ''))
    .filter((word) => word.length > 0 && !STOPWORDS.has(word));
}

// The Porter2 (Snowball English) stemmer that ships with wink-eng-lite-web-model (MIT): the same
// algorithm as PostgreSQL's full-text 'english' configuration, so the rerank and the lexical
// retriever agree on what a word's stem is ("guarantee"/"guaranteed", "decline"/"declined").
const porter2 = createRequire(import.meta.url)('wink-eng-lite-web-model/dist/porter-stemmer.js') as (word: string) => string;
const MAX_CACHED_STEMS = 50_000;
const stems = new Map<string, string>();

/** The word's English stem: "jackets" meets "jacket", "shipping" meets "ship", "declined" meets "decline". */
export function stem(word: string): string {
  let out = stems.get(word);
  if (out !== undefined) return out;
  out = porter2(word);
  if (stems.size >= MAX_CACHED_STEMS) stems.clear();
  stems.set(word, out);
  return out;
}
