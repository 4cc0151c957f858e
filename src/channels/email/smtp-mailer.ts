import nodemailer from 'nodemailer';
import type { Mailer } from './email-channel-deps';

/** Outbound SMTP with nodemailer (SMTP_URL), one pooled transport per process. */
export function smtpMailer(url: string): Mailer {
  const transport = nodemailer.createTransport({ url, pool: true, maxConnections: 4, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as never);
  return {
    async send(mail) {
      await transport.sendMail({
        from: { name: mail.from.name, address: mail.from.address },
        to: mail.to,
        replyTo: mail.replyTo,
        subject: mail.subject,
        messageId: mail.messageId,
        ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
        ...(mail.references.length > 0 ? { references: mail.references } : {}),
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
      });
    },
    close: () => transport.close(),
  };
}
