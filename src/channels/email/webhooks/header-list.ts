import { bareMessageId, messageIdsIn, type InboundEmail } from '../inbound-email';

/** Header pairs as a lower-cased map (repeated headers joined), the shape the loop guard reads. */
export function headerMap(pairs: [string, string][]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of pairs) {
    const key = name.toLowerCase();
    headers[key] = headers[key] ? `${headers[key]}, ${value}` : value;
  }
  return headers;
}

/** Raw header text (`Name: value` lines, folded lines continued) as pairs. */
export function parseHeaderText(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^[ \t]/.test(line) && pairs.length > 0) pairs[pairs.length - 1]![1] += ` ${line.trim()}`;
    else {
      const colon = line.indexOf(':');
      if (colon > 0) pairs.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return pairs;
}

const ADDRESS = /<?([^\s<>"',;]+@[^\s<>"',;]+)>?/g;

/** Every address in a header value such as `"Jane" <jane@x.test>, b@y.test`, lower-cased. */
export const addressesIn = (value: string | undefined): string[] => [...(value ?? '').matchAll(ADDRESS)].map((m) => m[1]!.toLowerCase());

/** `"Jane Doe" <jane@x.test>` → its address and name. */
export function mailbox(value: string | undefined): InboundEmail['from'] {
  const address = addressesIn(value)[0];
  if (!address) return undefined;
  const name = (value ?? '').replace(/<[^>]*>/, '').replace(/"/g, '').trim();
  return { address, name: name.toLowerCase() === address ? '' : name };
}

/** The threading and loop-guard fields every shape reads from its headers. */
export function threadingOf(headers: Record<string, string>) {
  return {
    messageId: headers['message-id'] ? bareMessageId(headers['message-id']) : undefined,
    inReplyTo: messageIdsIn(headers['in-reply-to']),
    references: messageIdsIn(headers['references']),
  };
}
