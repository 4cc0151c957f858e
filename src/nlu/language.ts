import { franc } from 'franc-min';

// franc speaks ISO 639-3; the contract speaks ISO 639-1.
const ISO1: Record<string, string> = { eng: 'en', spa: 'es', fra: 'fr', deu: 'de', por: 'pt', ita: 'it', nld: 'nl' };
const ONLY = Object.keys(ISO1);
const MIN_LETTERS = 18;
const NON_ENGLISH_HINTS = /\b(mi|mis|pedido|donde|quiero|por favor|gracias|ma|mon|commande|où|je|vous|merci|meine|ich|bestellung|nicht|bitte|minha|obrigad[oa]|encomenda)\b/i;

/** The message's language (ISO 639-1). Short messages are English unless they carry clear foreign words. */
export function detectLanguage(text: string): string {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < MIN_LETTERS && !NON_ENGLISH_HINTS.test(text)) return 'en';
  const code = franc(text, { only: ONLY, minLength: 3 });
  return ISO1[code] ?? 'en';
}
