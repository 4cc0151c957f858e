import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, errorStatus } from '../../core/errors';

interface Issue {
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: PropertyKey[]; code?: string; keys?: string[] } };
}

// Fastify's own errors that are the caller's fault, translated to our closed set.
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
  FST_ERR_VALIDATION: 'validation_failed',
};

function describeIssues(error: FastifyError): string {
  const context = (error as FastifyError & { validationContext?: string }).validationContext ?? 'body';
  const issues = (error.validation ?? []) as Issue[];
  const parts = issues.map((issue) => {
    const path = issue.params?.issue?.path?.map(String).join('.') || issue.instancePath?.replace(/^\//, '').replaceAll('/', '.');
    const where = path ? `${context}.${path}` : context;
    const keys = issue.params?.issue?.keys;
    const message = issue.params?.issue?.code === 'unrecognized_keys' && keys ? `unknown field(s) ${keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
    return `${where}: ${message}`;
  });
  return parts.length > 0 ? `invalid request: ${parts.join('; ')}` : error.message;
}

export function sendError(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, message: string, details?: Record<string, unknown>) {
  return reply.status(errorStatus[code]).send({ error: { code, message, requestId: request.id, ...(details ? { details } : {}) } });
}

/** One error body for everything: `{error: {code, message, requestId}}`; bugs are logged, never shown. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendError(reply, request, error.code, error.message, error.details);
    if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
      return sendError(reply, request, 'validation_failed', describeIssues(error));
    }
    const mapped = error.code ? fastifyCodes[error.code] : undefined;
    if (mapped) return sendError(reply, request, mapped, error.message);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(reply, request, 'bad_request', error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, request, 'internal', 'internal error');
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, request, 'not_found', `no route ${request.method} ${request.url.split('?')[0]}`));
});
