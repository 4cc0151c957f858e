/**
 * Normalises a shopper's message for the classifiers: lower case, placeholders for what varies
 * (e-mails, links, @handles, order numbers, money, numbers), long letter runs squeezed ("sooooo" → "soo").
 */
const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/gi;
const EMAIL = /\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b/g;
// A social handle ("@united", TweetEval's "@user"): who is addressed, never what is said. Not an
// e-mail address (a word or a dot before the "@").
const SOCIAL_HANDLE = /(^|[^\w@.])@\w{1,30}\b/g;

/** The text without the social handles it addresses ("@shop can I order from Finland?"). */
export const withoutHandles = (text: string) => text.replace(SOCIAL_HANDLE, '$1').trim();
const MONEY = /[$€£]\s?\d+(?:[.,]\d{1,2})?|\b\d+(?:[.,]\d{1,2})?\s?(?:usd|eur|gbp|cad|dollars?|bucks|euros?|pounds?)\b/gi;
const TRACKING = /\b1z[0-9a-z]{16}\b|\b9[2-5]\d{18,24}\b/gi;
const ORDER = /#\s?\d{3,}|\b[a-z]{1,3}-?\d{5,}\b|\b\d{3}-\d{7}-\d{7}\b/gi;
const NUMBER = /\b\d+(?:[.,]\d+)?\b/g;

export function normalizeText(text: string): string {
  return text
    .replace(URL, ' urltoken ')
    .replace(EMAIL, ' emailtoken ')
    .replace(SOCIAL_HANDLE, '$1 mentiontoken ')
    .replace(MONEY, ' moneytoken ')
    .replace(TRACKING, ' trackingtoken ')
    .replace(ORDER, ' ordertoken ')
    .toLowerCase()
    .replace(NUMBER, ' numtoken ')
    .replace(/[’`´]/g, "'")
    .replace(/([a-z])\1{2,}/g, '$1$1');
}
