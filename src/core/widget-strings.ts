import en from '../../locales/widget/en.json';
import fr from '../../locales/widget/fr.json';

/** Every word the website widget shows, in the languages it ships with; a store overrides any of them per language. */
export type WidgetStrings = typeof en;
export type WidgetStringKey = keyof WidgetStrings;

export const builtInWidgetStrings: Record<string, WidgetStrings> = { en, fr };
export const FALLBACK_LANGUAGE = 'en';
export const widgetStringKeys = Object.keys(en) as WidgetStringKey[];

/** `{email}`, `{n}`…: what a string must keep when a store rewrites it. */
export const placeholdersOf = (text: string): string[] => [...text.matchAll(/\{[a-z]+\}/gi)].map((m) => m[0]).sort();
