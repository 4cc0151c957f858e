import { createHmac, timingSafeEqual } from 'node:crypto';
import { parseMime } from '../parse-mime';
import type { InboundEmail } from '../inbound-email';
import { addressesIn, headerMap, mailbox, threadingOf } from './header-list';

/** Mailgun signs each POST: hex(HMAC-SHA256(signing key, timestamp + token)) in `signature`. */
export function mailgunSignatureValid(fields: Record<string, string>, signingKey: string, nowSeconds: number, toleranceSeconds: number): boolean {
  const { timestamp, token, signature } = fields;
  if (!timestamp || !token || !signature || !/^\d{1,12}$/.test(timestamp) || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return false;
  const expected = createHmac('sha256', signingKey).update(timestamp + token).digest();
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}

/** A Mailgun route's POST (urlencoded or multipart): the parsed fields, or `body-mime` from a MIME route. */
export async function fromMailgun(fields: Record<string, string>, files: Record<string, { filename: string; contentType: string; content: Buffer }>): Promise<{ email: InboundEmail; providerId: string | undefined }> {
  const recipients = addressesIn(fields.recipient);
  if (fields['body-mime']) {
    const email = await parseMime(fields['body-mime'], { recipients, ...(fields.sender ? { returnPath: fields.sender.toLowerCase() } : {}) });
    return { email, providerId: email.messageId };
  }
  const pairs = (() => {
    try {
      return JSON.parse(fields['message-headers'] ?? '[]') as [string, string][];
    } catch {
      return [];
    }
  })();
  const headers = headerMap(pairs);
  const threading = threadingOf({ ...headers, ...(fields['Message-Id'] ? { 'message-id': fields['Message-Id'] } : {}), ...(fields['In-Reply-To'] ? { 'in-reply-to': fields['In-Reply-To'] } : {}), ...(fields.References ? { references: fields.References } : {}) });
  const spf = headers['x-mailgun-spf']?.toLowerCase();
  const dkim = headers['x-mailgun-dkim-check-result']?.toLowerCase();
  return {
    providerId: threading.messageId,
    email: {
      ...threading,
      from: mailbox(fields.from ?? headers.from),
      recipients: [...new Set([...recipients, ...addressesIn(headers.to)])],
      subject: fields.subject ?? headers.subject ?? '',
      text: fields['body-plain'] ?? '',
      html: fields['body-html'],
      headers,
      returnPath: fields.sender !== undefined ? fields.sender.toLowerCase() : undefined,
      attachments: Object.entries(files)
        .filter(([name]) => /^attachment-\d+$/.test(name))
        .map(([, f]) => ({ filename: f.filename, contentType: f.contentType, content: new Uint8Array(f.content) })),
      authentication: { ...(spf ? { spf } : {}), ...(dkim ? { dkim } : {}) },
    },
  };
}
