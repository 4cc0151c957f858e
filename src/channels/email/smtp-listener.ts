import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { acceptEmail, storeOfRecipients } from './accept-email';
import type { EmailChannelDeps } from './email-channel-deps';
import { parseMime } from './parse-mime';

export interface SmtpListenerOptions {
  port: number;
  host: string;
  /** Largest message accepted (SIZE); larger ones get 552. */
  maxBytes: number;
  /** Offers STARTTLS with this key and certificate (opportunistic, as a receiving MX does: plain text stays allowed). */
  tls?: { key: Buffer; cert: Buffer } | undefined;
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/**
 * Inbound SMTP (CONCIERGE_SMTP_PORT): accepts mail for the stores' inbound addresses only, and says
 * 250 once the e-mail is recorded and its turn queued (a failure before that is a 451, so the
 * sending server tries again and nothing accepted is lost). No AUTH: it is a receiving MX, not a relay.
 * STARTTLS when a certificate is configured (CONCIERGE_SMTP_TLS_CERT_FILE/KEY_FILE).
 */
export function smtpListener(deps: EmailChannelDeps, options: SmtpListenerOptions) {
  const server = new SMTPServer({
    name: deps.domain,
    banner: 'Concierge inbound mail',
    size: options.maxBytes,
    authOptional: true,
    disabledCommands: options.tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    logger: false,
    async onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback: (error?: Error | null) => void) {
      try {
        const storeId = await storeOfRecipients(deps, [address.address.toLowerCase()]);
        callback(storeId ? null : smtpError(550, '5.1.1 no such mailbox here'));
      } catch {
        callback(smtpError(451, '4.3.0 temporary failure, try again later'));
      }
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null, message?: string) => void) {
      void (async () => {
        try {
          const raw = await readAll(stream);
          if (stream.sizeExceeded) return callback(smtpError(552, '5.3.4 message too big'));
          const mailFrom = session.envelope.mailFrom;
          const email = await parseMime(raw, {
            returnPath: mailFrom === false ? undefined : mailFrom.address.toLowerCase(),
            recipients: session.envelope.rcptTo.map((r) => r.address),
          });
          await acceptEmail(deps, email, { provider: 'smtp', providerId: undefined });
          callback(null, '2.0.0 accepted');
        } catch (error) {
          deps.log.warn({ errorType: error instanceof Error ? error.name : 'unknown' }, 'inbound SMTP message not accepted (451, the sender retries)');
          callback(smtpError(451, '4.3.0 temporary failure, try again later'));
        }
      })();
    },
  });
  server.on('error', (error: Error) => deps.log.warn({ errorType: error.name }, 'inbound SMTP listener error'));

  return {
    async listen(): Promise<number> {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const address = server.server.address();
      return typeof address === 'object' && address ? address.port : options.port;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
