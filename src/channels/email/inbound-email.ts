/** An e-mail as the channel reads it, whichever way it arrived (SMTP or a provider's inbound webhook). */
export interface InboundAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

export interface InboundEmail {
  /** The Message-ID without angle brackets; undefined when the sender gave none. */
  messageId: string | undefined;
  inReplyTo: string[];
  /** Oldest first, as in the header. */
  references: string[];
  from: { address: string; name: string } | undefined;
  /** Every recipient address (To, Cc, and the SMTP envelope's RCPT TO when known), lower-cased. */
  recipients: string[];
  subject: string;
  text: string;
  html: string | undefined;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The SMTP envelope's MAIL FROM (`''` for the null sender `<>` of bounces); undefined when unknown. */
  returnPath: string | undefined;
  attachments: InboundAttachment[];
  /** What the receiving side said of SPF and DKIM, recorded (never used as proof of identity: docs/adr/0029). */
  authentication: { spf?: string; dkim?: string };
}

/** `<a@b>` → `a@b`; blanks and brackets trimmed. */
export const bareMessageId = (value: string): string => value.trim().replace(/^<+/, '').replace(/>+$/, '').trim();

/** All `<…>` ids in a References / In-Reply-To header, in order. */
export function messageIdsIn(value: string | string[] | undefined): string[] {
  if (!value) return [];
  const text = Array.isArray(value) ? value.join(' ') : value;
  const bracketed = [...text.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!);
  if (bracketed.length > 0) return bracketed;
  return text.split(/\s+/).map(bareMessageId).filter(Boolean);
}
