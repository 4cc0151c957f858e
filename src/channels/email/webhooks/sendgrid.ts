import { parseMime } from '../parse-mime';
import type { InboundEmail } from '../inbound-email';
import { addressesIn, headerMap, mailbox, parseHeaderText, threadingOf } from './header-list';

/** SendGrid Inbound Parse (multipart/form-data): the parsed fields, or the whole MIME in `email` ("POST the raw, full MIME message"). */
export async function fromSendGrid(fields: Record<string, string>, files: Record<string, { filename: string; contentType: string; content: Buffer }>): Promise<{ email: InboundEmail; providerId: undefined }> {
  const envelope = (() => {
    try {
      return JSON.parse(fields.envelope ?? '{}') as { to?: string[]; from?: string };
    } catch {
      return {};
    }
  })();
  const envelopeRecipients = (envelope.to ?? []).map((a) => a.toLowerCase());
  const authentication = { ...(fields.SPF ? { spf: fields.SPF.toLowerCase() } : {}), ...(fields.dkim ? { dkim: /@[^ ]+ : (\w+)/.exec(fields.dkim)?.[1]?.toLowerCase() ?? fields.dkim.slice(0, 20) } : {}) };
  if (fields.email) {
    const email = await parseMime(fields.email, { recipients: envelopeRecipients, ...(envelope.from !== undefined ? { returnPath: envelope.from.toLowerCase() } : {}) });
    return { email: { ...email, authentication: { ...email.authentication, ...authentication } }, providerId: undefined };
  }
  const headers = headerMap(parseHeaderText(fields.headers ?? ''));
  return {
    providerId: undefined,
    email: {
      ...threadingOf(headers),
      from: mailbox(fields.from ?? headers.from),
      recipients: [...new Set([...envelopeRecipients, ...addressesIn(fields.to), ...addressesIn(fields.cc)])],
      subject: fields.subject ?? '',
      text: fields.text ?? '',
      html: fields.html,
      headers,
      returnPath: envelope.from !== undefined ? envelope.from.toLowerCase() : undefined,
      attachments: Object.values(files).map((f) => ({ filename: f.filename, contentType: f.contentType, content: new Uint8Array(f.content) })),
      authentication,
    },
  };
}
