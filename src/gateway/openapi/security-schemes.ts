/** The credentials the gateway accepts, as OpenAPI security schemes (api.md "Auth"). */
export const securitySchemes = {
  storeKey: { type: 'http', scheme: 'bearer', description: 'A secret API key of one store (sk_…), with scopes; or a short-lived service token from POST /v1/auth/token.' },
  operatorSession: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'An operator\'s console session (POST /v1/operators/login, renewed with /v1/operators/refresh): its role decides what it may do.',
  },
  widgetKey: {
    type: 'http',
    scheme: 'bearer',
    description: 'A publishable widget key (pk_…) from an allowed origin; later calls on its conversation also send the conversation token as X-Conversation-Token.',
  },
  adminToken: { type: 'http', scheme: 'bearer', description: 'The instance admin token (CONCIERGE_ADMIN_TOKEN): creates stores.' },
} as const;
