import { defineConfig } from 'drizzle-kit';

// `pnpm exec drizzle-kit generate` (in apps/server) writes SQL migrations that both PGlite and
// PostgreSQL apply at start; there is no live database to introspect here
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
  strict: true,
  verbose: true,
});
