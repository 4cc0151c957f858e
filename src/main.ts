import { loadEnv } from './config/env';
import { startServer } from './server';

// Start: read config, build dependencies, listen. The rest lives in server.ts and compose.ts.
await startServer(loadEnv());
