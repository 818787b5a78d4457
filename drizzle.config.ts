import { defineConfig } from 'drizzle-kit';

// Migrations are generated SQL files in ./drizzle and run unchanged on PGlite
// and on a PostgreSQL server (src/db/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
});
