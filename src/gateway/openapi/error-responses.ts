import { errorStatus, type ErrorCode } from '../../core/errors';

/** The error body every route answers with, as an OpenAPI schema. */
export const errorBodySchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'requestId'],
      properties: {
        code: { type: 'string', enum: Object.keys(errorStatus), description: 'one of a closed set; the HTTP status follows from it' },
        message: { type: 'string', description: 'what went wrong, for a person' },
        requestId: { type: 'string', description: 'also in the x-request-id header; quote it when asking for help' },
        details: { type: 'object', additionalProperties: true, description: 'machine-readable specifics, when there are any' },
      },
    },
  },
} as const;

/** One reusable response per status the gateway answers with, named in components.responses. */
export const errorResponses: Record<string, { status: number; codes: ErrorCode[]; description: string; headers?: Record<string, unknown> }> = {
  BadRequest: { status: 400, codes: ['validation_failed', 'bad_request'], description: 'The request is malformed or a field is invalid; the message names the field. Nothing changed.' },
  Unauthorized: { status: 401, codes: ['unauthorized'], description: 'Missing, unknown, expired or revoked credentials.' },
  Forbidden: { status: 403, codes: ['forbidden'], description: 'The credentials are valid but lack the scope or role this call needs.' },
  NotFound: { status: 404, codes: ['not_found'], description: 'No such resource in the calling store (another store\'s resources are answered the same way).' },
  Conflict: { status: 409, codes: ['conflict', 'idempotency_conflict'], description: 'The resource is not in a state that allows this, or the Idempotency-Key was used with another body.' },
  PayloadTooLarge: { status: 413, codes: ['payload_too_large'], description: 'The body is larger than the limit.' },
  UnsupportedMediaType: { status: 415, codes: ['unsupported_media_type'], description: 'The body is not JSON.' },
  Unprocessable: { status: 422, codes: ['unprocessable'], description: 'The request is well formed but cannot be carried out.' },
  TooManyRequests: {
    status: 429,
    codes: ['rate_limited'],
    description: 'Rate limit reached; retry after the number of seconds in Retry-After.',
    headers: { 'Retry-After': { description: 'seconds to wait before retrying', schema: { type: 'integer' } } },
  },
  InternalError: { status: 500, codes: ['internal'], description: 'A fault on our side; the request id is in the log.' },
  Unavailable: { status: 503, codes: ['unavailable'], description: 'The server is shutting down or a dependency is unreachable; retry.' },
};

export type ErrorResponseName = keyof typeof errorResponses;

/** components.responses entries referencing the shared Error schema. */
export function errorResponseComponents(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(errorResponses).map(([name, r]) => [
      name,
      {
        description: `${r.description} Codes: ${r.codes.join(', ')}.`,
        ...(r.headers ? { headers: r.headers } : {}),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    ]),
  );
}
