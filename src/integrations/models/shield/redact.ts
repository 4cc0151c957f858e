import type { ShopperRecords } from '../../../core/ports/language-model';
import { patternSpans } from './pii-patterns';
import { claimInOrder } from './pii-span';
import { recordSpans } from './record-spans';
import type { ConversationVault } from './token-vault';

/** Fence markers a text could use to pass for one of our tokens: braces doubled by the shopper are broken up. */
const FORGED_TOKEN = /\{\{|\}\}/g;

/** The text with every piece of personal data (records first, then patterns) replaced by its conversation's reference token. */
export function redact(text: string, records: ShopperRecords, vault: ConversationVault, options: { trusted?: boolean } = {}): string {
  // Our own system rules may show a token as an example; anything else that looks like one is broken up.
  const safe = options.trusted ? text : text.replace(FORGED_TOKEN, (m) => m.split('').join(' '));
  const spans = claimInOrder([...recordSpans(safe, records), ...patternSpans(safe)]);
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += safe.slice(at, span.start) + vault.tokenFor(safe.slice(span.start, span.end), span);
    at = span.end;
  }
  return out + safe.slice(at);
}

const TOKEN = /\{\{\s*([a-z_]+(?:\.[a-z_0-9]+)+)\s*\}\}/g;

/** Puts the conversation's values back in place of its tokens; a token this conversation never made stays as written. */
export function restore(text: string, vault: ConversationVault): string {
  return text.replace(TOKEN, (whole, label: string) => vault.valueOf(`{{${label}}}`) ?? whole);
}

/** `restore` on every string inside a parsed tool input. */
export function restoreDeep(value: unknown, vault: ConversationVault): unknown {
  if (typeof value === 'string') return restore(value, vault);
  if (Array.isArray(value)) return value.map((v) => restoreDeep(v, vault));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restoreDeep(v, vault)]));
  return value;
}
