import type { ModelScope } from '../../../core/ports/language-model';
import type { PiiSpan } from './pii-span';

const MAX_CONVERSATIONS = 10_000;

/** The reference tokens of one conversation: each value keeps its token for as long as the conversation is in memory. */
export interface ConversationVault {
  tokenFor(value: string, span: PiiSpan): string;
  valueOf(token: string): string | undefined;
}

const normalise = (kind: PiiSpan['kind'], value: string) =>
  kind === 'phone' || kind === 'payment' || kind === 'order' ? `${kind}:${value.replace(/[^0-9A-Za-z]/g, '').toLowerCase()}` : `${kind}:${value.toLowerCase().replace(/\s+/g, ' ').trim()}`;

function ownLabel(span: PiiSpan): string | undefined {
  if (!span.own) return undefined;
  if (span.kind === 'name') return span.part ? `customer.${span.part}` : 'customer.name';
  if (span.kind === 'email' || span.kind === 'phone' || span.kind === 'address' || span.kind === 'postcode') return `customer.${span.kind}`;
  return undefined;
}

function conversationVault(): ConversationVault {
  const byValue = new Map<string, string>();
  const byToken = new Map<string, string>();
  const counters = new Map<string, number>();
  const taken = new Set<string>();
  return {
    tokenFor(value, span) {
      const key = normalise(span.kind, value);
      const known = byValue.get(key);
      if (known) return known;
      let label = ownLabel(span);
      if (!label || taken.has(label)) {
        const n = (counters.get(span.kind) ?? 0) + 1;
        counters.set(span.kind, n);
        label = `${span.kind}.${n}`;
      }
      taken.add(label);
      const token = `{{${label}}}`;
      byValue.set(key, token);
      byToken.set(token, value);
      return token;
    },
    valueOf: (token) => byToken.get(token),
  };
}

/** Vaults by store and conversation: a token maps back only inside the conversation (and store) that made it. Least recently used go first. */
export function tokenVaults(limit = MAX_CONVERSATIONS) {
  const vaults = new Map<string, ConversationVault>();
  return {
    of(scope: ModelScope): ConversationVault {
      const key = `${scope.storeId}\u0000${scope.conversationId}`;
      let vault = vaults.get(key);
      if (vault) vaults.delete(key);
      else vault = conversationVault();
      vaults.set(key, vault);
      if (vaults.size > limit) vaults.delete(vaults.keys().next().value!);
      return vault;
    },
  };
}

export type TokenVaults = ReturnType<typeof tokenVaults>;
