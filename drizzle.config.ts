import { defineConfig } from 'drizzle-kit';

// Dev-time only: `npx drizzle-kit generate` writes SQL migrations from src/data/schema.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/data/schema/index.ts',
  out: './src/data/migrations',
});
