import type { InboundEmail } from '../inbound-email';
import { addressesIn, headerMap, threadingOf } from './header-list';

/** Postmark's inbound webhook body (JSON), the fields we read. */
export interface PostmarkInbound {
  MessageID?: string;
  From?: string;
  FromFull?: { Email?: string; Name?: string };
  To?: string;
  ToFull?: { Email?: string }[];
  Cc?: string;
  CcFull?: { Email?: string }[];
  OriginalRecipient?: string;
  Subject?: string;
  TextBody?: string;
  HtmlBody?: string;
  Headers?: { Name: string; Value: string }[];
  Attachments?: { Name?: string; Content?: string; ContentType?: string }[];
}

/** Postmark inbound JSON → the channel's e-mail. Its `MessageID` is the delivery id; the real Message-ID is in `Headers`. */
export function fromPostmark(body: PostmarkInbound): { email: InboundEmail; providerId: string | undefined } {
  const headers = headerMap((body.Headers ?? []).map((h) => [h.Name, h.Value]));
  const authentication = {
    ...(headers['received-spf'] ? { spf: /^(\w+)/.exec(headers['received-spf'])?.[1]?.toLowerCase() ?? 'none' } : {}),
    ...(/dkim=(\w+)/i.exec(headers['authentication-results'] ?? '') ? { dkim: /dkim=(\w+)/i.exec(headers['authentication-results']!)![1]!.toLowerCase() } : {}),
  };
  const recipients = new Set([
    ...(body.ToFull ?? []).flatMap((t) => (t.Email ? [t.Email.toLowerCase()] : [])),
    ...(body.CcFull ?? []).flatMap((t) => (t.Email ? [t.Email.toLowerCase()] : [])),
    ...addressesIn(body.OriginalRecipient),
    ...addressesIn(body.To),
  ]);
  const fromAddress = body.FromFull?.Email ?? addressesIn(body.From)[0];
  return {
    providerId: body.MessageID,
    email: {
      ...threadingOf(headers),
      from: fromAddress ? { address: fromAddress.toLowerCase(), name: body.FromFull?.Name ?? '' } : undefined,
      recipients: [...recipients],
      subject: body.Subject ?? '',
      text: body.TextBody ?? '',
      html: body.HtmlBody,
      headers,
      returnPath: headers['return-path'] !== undefined ? headers['return-path'].replace(/[<>]/g, '').trim().toLowerCase() : undefined,
      attachments: (body.Attachments ?? []).map((a) => ({ filename: a.Name ?? 'attachment', contentType: a.ContentType ?? 'application/octet-stream', content: new Uint8Array(Buffer.from(a.Content ?? '', 'base64')) })),
      authentication,
    },
  };
}
