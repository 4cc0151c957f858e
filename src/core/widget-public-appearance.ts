import type { WidgetAppearance } from './widget-appearance';
import { builtInWidgetStrings, FALLBACK_LANGUAGE, type WidgetStrings } from './widget-strings';

/**
 * The widget's appearance as the widget receives it: every language's strings resolved, the logo
 * only where it may be loaded from. No schema library here: the console's live preview computes the
 * same from unsaved settings in the browser.
 */
const WHITE = '#ffffff';
/** Where the gateway serves a store's uploaded logo (see gateway/routes/widget/logo.ts). */
export const UPLOADED_LOGO = /^\/widget\/v1\/logos\/[0-9a-f-]{36}\/[0-9a-f]{16}$/;

export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

export const languagesOf = (appearance: WidgetAppearance): string[] => [...new Set([...Object.keys(builtInWidgetStrings), ...Object.keys(appearance.strings)])];

/** Every language's full set of strings: built-in (or English), then the store's greeting, then its overrides. */
export function resolvedStrings(appearance: WidgetAppearance): Record<string, WidgetStrings> {
  const english = builtInWidgetStrings[FALLBACK_LANGUAGE]!;
  return Object.fromEntries(
    languagesOf(appearance).map((code) => [
      code,
      { ...english, ...builtInWidgetStrings[code], ...(appearance.greeting ? { greeting: appearance.greeting } : {}), ...appearance.strings[code] } as WidgetStrings,
    ]),
  );
}

/** What the widget needs to draw itself (public: nothing here is secret). */
export function publicAppearance(appearance: WidgetAppearance, allowedOrigins: string[]) {
  let logoUrl = appearance.logoUrl;
  // An origin removed since the logo was set: the widget makes no request outside the store's origins.
  if (logoUrl && !UPLOADED_LOGO.test(logoUrl) && !allowedOrigins.includes(originOf(logoUrl) ?? '')) logoUrl = null;
  return {
    primaryColor: appearance.primaryColor,
    accentText: WHITE,
    logoUrl,
    position: appearance.position,
    language: appearance.language,
    defaultLanguage: appearance.defaultLanguage,
    strings: resolvedStrings(appearance),
  };
}
export type PublicWidgetAppearance = ReturnType<typeof publicAppearance>;
