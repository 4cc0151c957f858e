// The one schema: drizzle-kit generates the SQL migrations from these files.
export * from './stores';
export * from './conversations';
export * from './jobs';
export * from './commerce';
export * from './agent';
export * from './knowledge';
export * from './order-requests';
export * from './operators';
export * from './verification';
export * from './email';
export * from './helpdesk';
