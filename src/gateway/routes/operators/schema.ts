import { z } from 'zod';
import { plainText } from '../../../core/safe-text';
import { PASSWORD_MIN_LENGTH } from '../../../core/operator-service';
import { operatorRoles } from '../../../core/operators';
import { scopes } from '../../../core/scopes';
import { storeIdParams } from '../stores/schema';

/** Operators and their console sessions: validation, OpenAPI and types from one place. */
export const operatorSchema = z.object({
  id: z.string(),
  storeId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(operatorRoles),
  active: z.boolean().describe('false while an invitation waits to be accepted'),
  createdAt: z.date(),
  lastLoginAt: z.date().nullable(),
});

const password = z.string().min(PASSWORD_MIN_LENGTH, `password must have at least ${PASSWORD_MIN_LENGTH} characters`).max(200);

export const createOperatorBody = z.strictObject({
  email: z.email().max(320),
  name: plainText('name', z.string().trim().min(1).max(200)),
  role: z.enum(operatorRoles),
  password: password.optional().describe('set it now, or leave it out to get an invitation link the person opens to choose one'),
});

export const createOperatorResponse = z.object({
  operator: operatorSchema,
  inviteUrl: z.string().optional().describe('without a password: the link that lets the person choose one (shown once, valid 7 days)'),
  inviteExpiresAt: z.date().optional(),
});

export const updateOperatorBody = z.strictObject({ name: plainText('name', z.string().trim().min(1).max(200)).optional(), role: z.enum(operatorRoles).optional() });

export const operatorParams = storeIdParams.extend({ operatorId: z.uuid('operatorId must be a UUID') });

const refreshIn = z.enum(['cookie', 'body']).default('cookie').describe('cookie (browsers: an HttpOnly cookie scoped to /v1/operators) or body (other clients)');

export const loginBody = z.strictObject({
  email: z.email().max(320),
  password: z.string().min(1).max(200),
  storeId: z.uuid().optional().describe('needed only when the e-mail is an operator of several stores'),
  refreshIn,
});

export const refreshBody = z.strictObject({ refreshToken: z.string().max(200).optional().describe('when not sent as the cookie'), refreshIn }).default({ refreshIn: 'cookie' });

export const acceptInviteBody = z.strictObject({ token: z.string().min(1).max(200), password, refreshIn });

export const sessionResponse = z.object({
  accessToken: z.string().describe('a JWT for Authorization: Bearer; short-lived: renew it with /v1/operators/refresh'),
  expiresAt: z.date(),
  refreshExpiresAt: z.date(),
  refreshToken: z.string().optional().describe('only with refreshIn=body'),
  operator: operatorSchema,
  store: z.object({ id: z.string(), name: z.string() }),
  scopes: z.array(z.enum(scopes)),
});

export const meResponse = z.object({ operator: operatorSchema, store: z.object({ id: z.string(), name: z.string() }), scopes: z.array(z.enum(scopes)) });
