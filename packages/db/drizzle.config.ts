import { defineConfig } from 'drizzle-kit';

// `npm run generate -w @tend/db` writes a new append-only migration after a schema change.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/*.ts',
  out: './drizzle',
});
