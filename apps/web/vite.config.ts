import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Only types cross from the server (`import type { AppRouter }`), so no custom export
// condition is needed at runtime. In `vite dev`, API calls go to a server on port 3000.
const server = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/trpc': server, '/v1': server, '/auth': server } },
  build: { outDir: 'dist', emptyOutDir: true },
});
