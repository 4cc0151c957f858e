import { z } from 'zod';

/**
 * Text a shopper or operator gives that is stored and shown again (addresses, names, notes),
 * checked as what it is before any write: no markup, no script URLs, no control characters, a sane
 * length. Surfaces escape what they show as well; this keeps hostile text out of the store's data,
 * its e-mails and its helpdesk in the first place.
 */
export type UnsafeText = 'markup' | 'script_url' | 'control_characters' | 'too_long';

export type TextKind = 'address_line' | 'name' | 'note';

const MAX_LENGTH: Record<TextKind, number> = { address_line: 120, name: 120, note: 1000 };

// A tag, a comment or a declaration: "<script", "</b", "<!--", "<svg onload=…>", "<img/src=x>".
const MARKUP = /<\s*[/!?]?\s*[a-z][^>]*>?|<!--|&#x?[0-9a-f]+;?|&[a-z]+;/i;
const SCRIPT_URL = /\b(?:javascript|vbscript|data)\s*:/i;
const EVENT_HANDLER = /\bon[a-z]+\s*=/i;
// C0 and C1 controls (a note may keep its line breaks and tabs), bidi overrides, zero-width characters used to hide text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200B\u200C\uFEFF]/;
// A zero-width joiner is text only inside an emoji sequence (👩‍👩‍👧); anywhere else it hides text.
const STRAY_JOINER = /(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}]\uFE0F?)\u200D|\u200D(?!\p{Extended_Pictographic})/u;
const LINE_BREAK = /[\r\n\t]/;

/** Why a text may not be stored as `kind`, or null when it is fine. */
export function unsafeText(value: string, kind: TextKind): UnsafeText | null {
  if (value.length > MAX_LENGTH[kind]) return 'too_long';
  if (CONTROL.test(value) || STRAY_JOINER.test(value) || (kind !== 'note' && LINE_BREAK.test(value))) return 'control_characters';
  if (MARKUP.test(value) || EVENT_HANDLER.test(value)) return 'markup';
  if (SCRIPT_URL.test(value)) return 'script_url';
  return null;
}

/** The message of a refusal, for a 400 or an operator's reason. */
export const unsafeTextMessage: Record<UnsafeText, string> = {
  markup: 'must be plain text (no HTML tags, entities or event handlers)',
  script_url: 'must not contain a script URL (javascript:, data:, vbscript:)',
  control_characters: 'must not contain control or invisible formatting characters',
  too_long: 'is too long',
};

/** A zod string schema also checked by `unsafeText`: a 400 naming the problem when it is not plain text of its kind. */
export const plainText = (kind: TextKind, base: z.ZodString = z.string()) =>
  base.superRefine((value, ctx) => {
    const why = unsafeText(value, kind);
    if (why) ctx.addIssue({ code: 'custom', message: unsafeTextMessage[why] });
  });
