import { EVIDENCE_LINK_SECONDS } from './evidence-service';
import type { EmailRecords } from './ports/email-records';
import type { ObjectStorage } from './ports/object-storage';

export interface EmailAttachmentLink {
  emailId: string;
  receivedAt: Date;
  /** The name the sender gave the file (shown as text, never used as a path). */
  filename: string;
  contentType: string;
  size: number;
  /** A signed link that stops working at `expiresAt`; for the store's operators only. */
  url: string;
  expiresAt: string;
}

/**
 * Every file shoppers e-mailed into a conversation (photos, PDFs, anything kept with the e-mail), for the console:
 * through the same short signed links as the evidence photos (docs/adr/0034), fetched when shown, never public.
 */
export function emailAttachmentLinks(deps: { records: Pick<EmailRecords, 'attachmentsOf'>; storage: ObjectStorage; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return {
    async list(storeId: string, conversationId: string): Promise<EmailAttachmentLink[]> {
      const expiresAt = new Date(now().getTime() + EVIDENCE_LINK_SECONDS * 1000).toISOString();
      const emails = await deps.records.attachmentsOf(storeId, conversationId);
      const files = emails.flatMap((email) => email.attachments.map((file) => ({ email, file })));
      return Promise.all(
        files.map(async ({ email, file }) => ({
          emailId: email.emailId,
          receivedAt: email.receivedAt,
          filename: file.filename,
          contentType: file.contentType,
          size: file.size,
          url: await deps.storage.signedUrl(storeId, file.key, EVIDENCE_LINK_SECONDS),
          expiresAt,
        })),
      );
    },
  };
}

export type EmailAttachmentLinks = ReturnType<typeof emailAttachmentLinks>;
