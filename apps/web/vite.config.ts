import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// Only types cross from the server (`import type { AppRouter }`); @tend/journey's browser entry
// is bundled from its sources (the `@tend/source` condition). In `vite dev`, API calls go to a
// server on port 3000.
const server = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['@tend/source', ...defaultClientConditions] },
  server: { proxy: { '/trpc': server, '/v1': server, '/auth': server, '/api': server } },
  build: { outDir: 'dist', emptyOutDir: true },
});
