/** A store's inbound address: `<key>@<domain>`, and `<key>+<replyToken>@<domain>` as the Reply-To of a conversation. */
export interface InboundAddressParts {
  key: string;
  replyToken: string | undefined;
}

const LOCAL = /^([a-z0-9]{4,40})(?:\+([a-z0-9_-]{8,64}))?$/;

/** The key and reply token of an address on our domain; undefined for any other address. */
export function parseInboundAddress(address: string, domain: string): InboundAddressParts | undefined {
  const at = address.lastIndexOf('@');
  if (at < 0 || address.slice(at + 1).toLowerCase() !== domain.toLowerCase()) return undefined;
  const match = LOCAL.exec(address.slice(0, at).toLowerCase());
  return match ? { key: match[1]!, replyToken: match[2] } : undefined;
}

export const replyAddress = (key: string, replyToken: string, domain: string) => `${key}+${replyToken}@${domain}`;
