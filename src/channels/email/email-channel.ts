import type { JobWorker } from '../../core/ports/jobs';
import { INBOUND_JOB, SEND_JOB, type EmailChannelDeps } from './email-channel-deps';
import { emailSweeper } from './email-sweeper';
import { inboundTurnHandler } from './inbound-turn';
import { sendReplyHandler } from './send-reply';
import { smtpListener } from './smtp-listener';
import { inboundEmailWebhook, type InboundWebhookSecrets } from './webhooks/inbound-webhook-route';

export interface EmailChannelOptions {
  /** Inbound SMTP; off when undefined. */
  smtp: { port: number; host: string; tls?: { key: Buffer; cert: Buffer } | undefined } | undefined;
  maxBytes: number;
  webhook: Omit<InboundWebhookSecrets, 'maxBytes'>;
  sweepIntervalMs?: number;
}

/** The e-mail channel: inbound by SMTP and webhooks, turns and sends as jobs, and the sweep that finds replies to send. */
export function emailChannel(deps: EmailChannelDeps, options: EmailChannelOptions) {
  const sweeper = emailSweeper(deps, options.sweepIntervalMs);
  const listener = options.smtp ? smtpListener(deps, { ...options.smtp, maxBytes: options.maxBytes }) : undefined;
  let smtpPort: number | undefined;
  return {
    surface: inboundEmailWebhook(deps, { ...options.webhook, maxBytes: options.maxBytes }),
    /** The turn of an accepted e-mail runs one at a time per conversation (the conversation lock); sends four at a time. */
    registerJobs(worker: JobWorker) {
      worker.register(INBOUND_JOB, inboundTurnHandler(deps), { concurrency: 4, timeoutMs: 120_000 });
      worker.register(SEND_JOB, sendReplyHandler(deps), { concurrency: 4, timeoutMs: 60_000 });
    },
    /** Starts the SMTP listener (when configured) and the sweep; returns the SMTP port. */
    async start(): Promise<number | undefined> {
      if (listener) smtpPort = await listener.listen();
      sweeper.start();
      return smtpPort;
    },
    async stop() {
      await listener?.close();
      await sweeper.stop();
      deps.mailer?.close();
    },
    sweep: () => sweeper.sweep(),
  };
}

export type EmailChannel = ReturnType<typeof emailChannel>;
