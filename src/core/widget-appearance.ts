import { z } from 'zod';
import { AA_TEXT_CONTRAST, contrastRatio, darkenToContrast } from './contrast';
import { AppError } from './errors';
import { plainText } from './safe-text';
import { languagesOf, originOf, UPLOADED_LOGO } from './widget-public-appearance';
import { builtInWidgetStrings, FALLBACK_LANGUAGE, placeholdersOf, widgetStringKeys, type WidgetStrings } from './widget-strings';

/**
 * How a store's website widget looks and speaks (issue 17, docs/adr/0026). The accent colour carries
 * white text (launcher, header, the shopper's bubbles) and is itself text on white (buttons, links),
 * so a colour under 4.5:1 against white is refused, with the nearest darker shade suggested.
 */
const WHITE = '#ffffff';

const colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb')
  .transform((value) => value.toLowerCase())
  .superRefine((value, context) => {
    const ratio = contrastRatio(value, WHITE);
    if (ratio < AA_TEXT_CONTRAST) {
      context.addIssue({
        code: 'custom',
        message: `${value} has a contrast of ${ratio.toFixed(2)}:1 with the widget's white text; WCAG AA needs ${AA_TEXT_CONTRAST}:1 (the same hue passing it: ${darkenToContrast(value, WHITE)})`,
      });
    }
  });

const language = z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as en or fr');

const stringOverrides = z
  .partialRecord(z.enum(widgetStringKeys as [keyof WidgetStrings, ...(keyof WidgetStrings)[]]), plainText('note', z.string().trim().min(1).max(300)))
  .superRefine((strings, context) => {
    for (const [key, text] of Object.entries(strings)) {
      const wanted = placeholdersOf(builtInWidgetStrings[FALLBACK_LANGUAGE]![key as keyof WidgetStrings]);
      if (text !== undefined && placeholdersOf(text).join() !== wanted.join()) {
        context.addIssue({ code: 'custom', path: [key], message: wanted.length ? `must contain ${wanted.join(' and ')} and no other {placeholder}` : 'must contain no {placeholder}' });
      }
    }
  });

export const widgetAppearanceSchema = z.strictObject({
  primaryColor: colour,
  /** An image on one of the store's allowed origins, or the logo uploaded to the gateway; null: none. */
  logoUrl: z.string().max(2000).nullable(),
  /** Shown first in the panel, in every language (a language's own `greeting` string wins); null: the built-in one. */
  greeting: plainText('note', z.string().trim().min(1).max(300)).nullable(),
  position: z.enum(['bottom-right', 'bottom-left']),
  /** `auto`: the shopper's browser language when the widget has strings for it, else `defaultLanguage`. */
  language: z.union([z.literal('auto'), language]),
  defaultLanguage: language,
  /** Per language, any of the widget's strings; a language without a built-in set falls back to English for the rest. */
  strings: z.record(language, stringOverrides),
});
export type WidgetAppearance = z.infer<typeof widgetAppearanceSchema>;

/** The same shape as the API returns it (documented without the input checks). */
export const widgetAppearanceResponse = z.object({
  primaryColor: z.string(),
  logoUrl: z.string().nullable(),
  greeting: z.string().nullable(),
  position: z.enum(['bottom-right', 'bottom-left']),
  language: z.string(),
  defaultLanguage: z.string(),
  strings: z.record(z.string(), z.record(z.string(), z.string())),
});

export const defaultWidgetAppearance: WidgetAppearance = {
  primaryColor: '#1d4ed8',
  logoUrl: null,
  greeting: null,
  position: 'bottom-right',
  language: 'auto',
  defaultLanguage: 'en',
  strings: {},
};

/** The checks that need the rest of the settings: a logo on an allowed origin (or uploaded), a language that has strings. */
export function checkWidgetAppearance(appearance: WidgetAppearance, allowedOrigins: string[], patch: Partial<WidgetAppearance> = appearance): void {
  const logo = appearance.logoUrl;
  // Checked when set: an origin removed later only hides the logo (publicAppearance), it does not block other changes.
  if (patch.logoUrl !== undefined && logo !== null && !UPLOADED_LOGO.test(logo) && !allowedOrigins.includes(originOf(logo) ?? '')) {
    throw new AppError('validation_failed', `widget.logoUrl must be an http(s) URL on one of the store's allowed origins (${allowedOrigins.join(', ') || 'none yet'}) or an uploaded logo`);
  }
  for (const code of [appearance.language, appearance.defaultLanguage]) {
    if (code !== 'auto' && !languagesOf(appearance).includes(code)) {
      throw new AppError('validation_failed', `the widget has no strings in ${code}; add widget.strings.${code} or choose one of ${languagesOf(appearance).join(', ')}`);
    }
  }
}
