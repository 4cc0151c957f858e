import { restore } from './redact';
import type { ConversationVault } from './token-vault';

// Longest a token can be ({{customer.first_name}} and room for spaces): past that, a held "{{" was not one.
const MAX_HELD = 48;

/**
 * Restores tokens in a stream of chunks as they arrive: text that may be the start of a token split
 * across chunks ("… {{ord" + "er.1}} …") is held back until the token closes, then sent restored.
 */
export function streamRestorer(vault: ConversationVault, emit: (text: string) => void) {
  let held = '';
  const openAt = (text: string): number => {
    const open = text.lastIndexOf('{{');
    if (open >= 0 && text.indexOf('}}', open) < 0 && text.length - open <= MAX_HELD) return open;
    if (text.endsWith('{')) return text.length - 1;
    return -1;
  };
  return {
    push(chunk: string) {
      const text = held + chunk;
      const cut = openAt(text);
      const ready = cut < 0 ? text : text.slice(0, cut);
      held = cut < 0 ? '' : text.slice(cut);
      if (ready) emit(restore(ready, vault));
    },
    end() {
      if (held) emit(restore(held, vault));
      held = '';
    },
  };
}
