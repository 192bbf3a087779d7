import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  plugins: [react()],
  build: {
    outDir: path.join(here, 'dist'),
    emptyOutDir: true,
    // tldraw is one large module; a warning about it says nothing useful.
    chunkSizeWarningLimit: 4000,
    assetsInlineLimit: 0,
    // Which chunks each entry and lazy import needs: the benchmark and a browser test read it to
    // tell the participants' code from the hosts'. It stays in .vite/, which the server never serves.
    manifest: true,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/j': 'http://localhost:3000',
      '/sync': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
