import type { paths } from '../../../../clients/typescript/index';
import { defaultStrings, type WidgetStrings } from './strings';

/** The store's appearance as GET /v1/widget/appearance answers it (the public API's own type). */
export type Appearance = paths['/v1/widget/appearance']['get']['responses']['200']['content']['application/json'];

/** What the widget looks like before (or without) the store's appearance: the built-in colour and English. */
export const fallbackAppearance: Appearance = {
  primaryColor: '#1d4ed8',
  accentText: '#ffffff',
  logoUrl: null,
  position: 'bottom-right',
  language: 'en',
  defaultLanguage: 'en',
  strings: { en: defaultStrings },
};

/** The store's language when it chose one; else the first of the browser's languages the widget has strings for; else the store's default. */
export function pickLanguage(appearance: Appearance, browserLanguages: readonly string[]): string {
  if (appearance.language !== 'auto' && appearance.strings[appearance.language]) return appearance.language;
  for (const tag of browserLanguages) {
    const code = tag.toLowerCase().split('-')[0]!;
    if (appearance.strings[code]) return code;
  }
  return appearance.strings[appearance.defaultLanguage] ? appearance.defaultLanguage : 'en';
}

export function stringsFor(appearance: Appearance, language: string): WidgetStrings {
  return { ...defaultStrings, ...appearance.strings[language] };
}

const HEX = /^#[0-9a-f]{6}$/i;

/** The accent as a constructed sheet of `!important` rules: a shop's CSS cannot recolour the widget. */
export function accentSheet(appearance: Appearance): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  const accent = HEX.test(appearance.primaryColor) ? appearance.primaryColor : fallbackAppearance.primaryColor;
  const text = HEX.test(appearance.accentText) ? appearance.accentText : '#ffffff';
  sheet.replaceSync(`:host { --accent: ${accent} !important; --accent-text: ${text} !important; }`);
  return sheet;
}

/** The logo's address: a gateway path is resolved against the gateway; anything but http(s) is dropped. */
export function logoAddress(appearance: Appearance, base: string): string | undefined {
  if (!appearance.logoUrl) return undefined;
  try {
    const url = new URL(appearance.logoUrl, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
