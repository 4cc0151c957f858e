import { franc } from 'franc-min';

// franc speaks ISO 639-3; the contract speaks ISO 639-1.
const ISO1: Record<string, string> = { eng: 'en', spa: 'es', fra: 'fr', deu: 'de', por: 'pt', ita: 'it', nld: 'nl' };
const ONLY = Object.keys(ISO1);
// Function words that short support messages carry: a vote per language.
const HINTS: [string, RegExp][] = [
  ['es', /\b(mi|mis|pedido|donde|dónde|está|esta|quiero|por favor|gracias|hola|el|los|las|una|del|cuenta|envío|devolver|reembolso)\b/gi],
  ['fr', /\b(ma|mon|mes|commande|où|je|vous|merci|est|pas|les|une|des|livraison|remboursement|bonjour|colis)\b/gi],
  ['de', /\b(meine|mein|ich|bestellung|nicht|bitte|und|ist|das|wo|danke|paket|lieferung|rückerstattung|hallo)\b/gi],
  ['pt', /\b(minha|meu|obrigad[oa]|encomenda|você|não|pedido|onde|está|reembolso|olá)\b/gi],
];
const LONG_TEXT = 60;

/** The message's language (ISO 639-1): function-word votes for short messages, franc for long non-English text. */
export function detectLanguage(text: string): string {
  const votes = HINTS.map(([language, pattern]) => [language, text.match(pattern)?.length ?? 0] as const).sort((a, b) => b[1] - a[1]);
  const [best, second] = votes;
  if (best![1] >= 2 && best![1] > second![1]) return best![0];
  // franc is the slowest step of the pipeline: only long text with foreign letters or a foreign word gets it.
  if (text.length >= LONG_TEXT && (best![1] > 0 || /[^\x00-\x7f]/.test(text))) return ISO1[franc(text, { only: ONLY, minLength: 10 })] ?? 'en';
  return best![1] === 1 && text.split(/\s+/).length <= 4 ? best![0] : 'en';
}
