import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { bareMessageId, messageIdsIn, type InboundEmail } from './inbound-email';

const addressesOf = (value: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) => a.value).flatMap((v) => (v.address ? [v.address.toLowerCase()] : []));

function headerText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(headerText).join(', ');
  if (value && typeof value === 'object') {
    const v = value as { text?: string; value?: unknown; params?: Record<string, string> };
    if (typeof v.text === 'string') return v.text;
    if (typeof v.value === 'string') return [v.value, ...Object.entries(v.params ?? {}).map(([k, p]) => `${k}=${p}`)].join('; ');
  }
  return String(value ?? '');
}

/** Raw header lines (unfolded) by lower-cased name: what mailparser structures is flattened back to text. */
function headersOf(parsed: ParsedMail): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of parsed.headerLines) {
    const name = line.key.toLowerCase();
    const value = line.line.slice(line.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
    headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
  }
  if (!headers['content-type'] && parsed.headers.get('content-type')) headers['content-type'] = headerText(parsed.headers.get('content-type'));
  return headers;
}

function authenticationOf(headers: Record<string, string>): InboundEmail['authentication'] {
  const results = headers['authentication-results'] ?? '';
  const spf = /\bspf=(\w+)/i.exec(results)?.[1] ?? /^(\w+)/.exec(headers['received-spf'] ?? '')?.[1];
  const dkim = /\bdkim=(\w+)/i.exec(results)?.[1];
  return { ...(spf ? { spf: spf.toLowerCase() } : {}), ...(dkim ? { dkim: dkim.toLowerCase() } : {}) };
}

/** Reads a MIME message (RFC 5322) with mailparser; `envelope` adds what the SMTP session knew. */
export async function parseMime(raw: Buffer | string, envelope: { returnPath?: string; recipients?: string[] } = {}): Promise<InboundEmail> {
  const parsed = await simpleParser(raw, { skipHtmlToText: false, skipTextToHtml: true, skipImageLinks: true });
  const headers = headersOf(parsed);
  const from = parsed.from?.value[0];
  const recipients = new Set([...addressesOf(parsed.to), ...addressesOf(parsed.cc), ...(envelope.recipients ?? []).map((r) => r.toLowerCase())]);
  const returnPath = envelope.returnPath ?? (headers['return-path'] !== undefined ? bareMessageId(headers['return-path']) : undefined);
  return {
    messageId: parsed.messageId ? bareMessageId(parsed.messageId) : undefined,
    inReplyTo: messageIdsIn(parsed.inReplyTo),
    references: messageIdsIn(parsed.references),
    from: from?.address ? { address: from.address.toLowerCase(), name: from.name ?? '' } : undefined,
    recipients: [...recipients],
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : undefined,
    headers,
    returnPath,
    attachments: parsed.attachments
      .filter((a) => a.contentDisposition !== 'inline' || !a.related)
      .map((a) => ({ filename: a.filename ?? 'attachment', contentType: a.contentType || 'application/octet-stream', content: new Uint8Array(a.content) })),
    authentication: authenticationOf(headers),
  };
}
