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

/** A crude English stem, enough to let "jackets" meet "jacket" and "shipping" meet "ship". */
export function stem(word: string): string {
  if (word.length <= 4) return word.replace(/s$/, '');
  return word
    .replace(/(ies)$/, 'y')
    .replace(/(sses)$/, 'ss')
    .replace(/([^s])s$/, '$1')
    .replace(/(ing|ed)$/, '')
    .replace(/([^aeiou])\1$/, '$1');
}
