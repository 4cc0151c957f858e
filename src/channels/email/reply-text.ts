/**
 * The new words of an e-mail: the quoted history (Gmail's "On … wrote:", Apple Mail's "On …, at …,
 * … wrote:", Outlook's "From: / Sent:" block or "-----Original Message-----", and `>` lines) and the
 * signature ("-- ", "Sent from my iPhone", "Get Outlook for …") cut off before the agent reads it.
 */
const QUOTE_INTRO = /^\s*(On|Le|Am|El|Op|Il)\s.{0,300}(wrote|a écrit|schrieb|escribió|schreef|ha scritto)\s*:\s*$/i;
const ORIGINAL_MESSAGE = /^\s*-{2,}\s*(Original Message|Forwarded message|Ursprüngliche Nachricht|Message d'origine)\s*-{2,}/i;
const OUTLOOK_RULE = /^\s*_{8,}\s*$/;
const HEADER_FROM = /^\s*\*?(From|De|Von|Van)\s*:\*?\s/i;
const HEADER_SENT_OR_TO = /^\s*\*?(Sent|Date|To|Subject|Envoyé|Gesendet|Verzonden)\s*:\*?\s/i;
const SIGNATURE_DELIMITER = /^--\s?$/;
const MOBILE_SIGNATURE = /^\s*(Sent from my \w+|Sent from (Mail|Outlook) for \w+|Get Outlook for \w+|Sent from Yahoo Mail|Sent via \w+)/i;

function quoteStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (line.trimStart().startsWith('>')) return i;
    if (QUOTE_INTRO.test(line)) return i;
    // Gmail wraps a long intro over two lines.
    if (/^\s*On\s/i.test(line) && i + 1 < lines.length && QUOTE_INTRO.test(`${line} ${lines[i + 1]}`)) return i;
    if (ORIGINAL_MESSAGE.test(line)) return i;
    if (OUTLOOK_RULE.test(line) && lines.slice(i + 1, i + 4).some((l) => HEADER_FROM.test(l))) return i;
    if (HEADER_FROM.test(line) && lines.slice(i + 1, i + 5).some((l) => HEADER_SENT_OR_TO.test(l))) return i;
  }
  return lines.length;
}

function signatureStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i += 1) {
    if (SIGNATURE_DELIMITER.test(lines[i]!)) return i;
    if (MOBILE_SIGNATURE.test(lines[i]!)) return i;
  }
  return lines.length;
}

/** The reply without quoted history or signature; the whole text when cutting would leave nothing. */
export function replyText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept = lines.slice(0, quoteStart(lines));
  const unsigned = kept.slice(0, signatureStart(kept));
  const result = unsigned
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return result || text.trim();
}
