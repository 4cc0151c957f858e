import { createHash, timingSafeEqual } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../core/errors';
import { acceptEmail } from '../accept-email';
import type { EmailChannelDeps } from '../email-channel-deps';
import type { InboundEmail } from '../inbound-email';
import { fromMailgun, mailgunSignatureValid } from './mailgun';
import { fromPostmark, type PostmarkInbound } from './postmark';
import { fromSendGrid } from './sendgrid';

export interface InboundWebhookSecrets {
  /** Postmark and SendGrid sign nothing: the password of the URL's basic auth, or its `token` parameter (CONCIERGE_EMAIL_WEBHOOK_TOKEN). */
  token: string | undefined;
  /** Mailgun's HTTP webhook signing key (MAILGUN_WEBHOOK_SIGNING_KEY). */
  mailgunSigningKey: string | undefined;
  /** How old a Mailgun timestamp may be (its retries keep the first one). */
  mailgunToleranceSeconds: number;
  maxBytes: number;
}

type Files = Record<string, { filename: string; contentType: string; content: Buffer }>;

const query = z.strictObject({
  provider: z.enum(['postmark', 'sendgrid', 'mailgun']).describe('the shape of the body'),
  token: z.string().max(200).optional().describe('the shared secret, for providers that cannot send basic auth'),
});

const answer = z.object({ status: z.enum(['queued', 'duplicate', 'ignored']) });

const sameSecret = (given: string, expected: string) => {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
};

/** Basic auth (any user name, the secret as password) or `?token=`, compared in constant time. */
function sharedSecretGiven(request: FastifyRequest, token: string | undefined, expected: string): boolean {
  if (token !== undefined) return sameSecret(token, expected);
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(request.headers.authorization ?? '');
  if (!match) return false;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  return sameSecret(decoded.slice(decoded.indexOf(':') + 1), expected);
}

async function formOf(request: FastifyRequest, maxBytes: number): Promise<{ fields: Record<string, string>; files: Files }> {
  const fields: Record<string, string> = {};
  const files: Files = {};
  if (request.isMultipart()) {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, fieldSize: maxBytes, files: 50 } })) {
      if (part.type === 'file') files[part.fieldname] = { filename: part.filename, contentType: part.mimetype, content: await part.toBuffer() };
      else fields[part.fieldname] = String(part.value);
    }
  } else Object.assign(fields, (request.body ?? {}) as Record<string, string>);
  return { fields, files };
}

const fingerprint = (email: InboundEmail) => createHash('sha256').update(`${email.messageId}\n${email.from?.address}\n${email.subject}`).digest('hex').slice(0, 32);

/** POST /webhooks/email/inbound?provider=…: Postmark, SendGrid Inbound Parse and Mailgun routes, each checked its own way. */
export function inboundEmailWebhook(deps: EmailChannelDeps, secrets: InboundWebhookSecrets, nowSeconds = () => Math.floor(Date.now() / 1000)) {
  return async (app: FastifyInstance) => {
    await app.register(async (scope) => {
      await scope.register(multipart);
      scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: secrets.maxBytes }, (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      });
      scope.withTypeProvider<ZodTypeProvider>().post(
        '/webhooks/email/inbound',
        {
          bodyLimit: secrets.maxBytes,
          config: { errors: ['unauthorized', 'unprocessable'] },
          schema: {
            tags: ['webhooks'],
            operationId: 'receiveInboundEmail',
            summary: 'An inbound e-mail from Postmark (JSON), SendGrid Inbound Parse (multipart) or a Mailgun route (urlencoded or multipart)',
            description:
              'Postmark and SendGrid: basic auth with CONCIERGE_EMAIL_WEBHOOK_TOKEN as the password, or `?token=`. Mailgun: its `timestamp`, `token` and `signature` fields (HMAC-SHA256 with MAILGUN_WEBHOOK_SIGNING_KEY). 200 once the e-mail is durably queued; idempotent on the Message-ID and the provider id.',
            querystring: query,
            response: { 200: answer },
          },
        },
        async (request) => {
          const { provider, token } = request.query;
          let parsed: { email: InboundEmail; providerId: string | undefined };
          // Not configured is 401, not 503: nothing can be verified, and the providers retry a 401 until it is set.
          if (provider === 'mailgun') {
            if (!secrets.mailgunSigningKey) throw new AppError('unauthorized', 'Mailgun inbound is not configured (MAILGUN_WEBHOOK_SIGNING_KEY): no signature can be checked');
            const { fields, files } = await formOf(request, secrets.maxBytes);
            if (!mailgunSignatureValid(fields, secrets.mailgunSigningKey, nowSeconds(), secrets.mailgunToleranceSeconds)) throw new AppError('unauthorized', 'the Mailgun signature does not match');
            parsed = await fromMailgun(fields, files);
            if (!(await deps.records.firstUseOfSignatureToken(fields.token!, fingerprint(parsed.email)))) throw new AppError('unauthorized', 'this Mailgun signature was already used for another e-mail');
          } else {
            if (!secrets.token) throw new AppError('unauthorized', `${provider} inbound is not configured (CONCIERGE_EMAIL_WEBHOOK_TOKEN): no secret can be checked`);
            if (!sharedSecretGiven(request, token, secrets.token)) throw new AppError('unauthorized', 'the inbound webhook secret is missing or wrong');
            if (provider === 'postmark') {
              if (!request.body || typeof request.body !== 'object') throw new AppError('bad_request', 'a Postmark inbound body is JSON');
              parsed = fromPostmark(request.body as PostmarkInbound);
            } else {
              if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'SendGrid Inbound Parse posts multipart/form-data');
              const { fields, files } = await formOf(request, secrets.maxBytes);
              parsed = await fromSendGrid(fields, files);
            }
          }
          if (!parsed.email.from) throw new AppError('unprocessable', 'the e-mail has no sender address');
          const accepted = await acceptEmail(deps, parsed.email, { provider, providerId: parsed.providerId });
          if (accepted.outcome === 'unknown_recipient') throw new AppError('unprocessable', 'no store has this inbound address');
          return { status: accepted.outcome };
        },
      );
    });
  };
}
