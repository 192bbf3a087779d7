import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The board's canvas (tldraw, most of the script) is a lazy chunk, so the small board page can
 * start the connection while it arrives (src/board/boardStart.ts). Left to the page, its download
 * would start only once the entry had arrived and run; a modulepreload in the HTML starts it with
 * the entry's. The home page gets it too: it used to load tldraw as part of the entry anyway.
 */
function preloadBoardCanvas(): Plugin {
  return {
    name: 'tablica:preload-board-canvas',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const canvas = Object.values(bundle ?? {}).find((chunk) => chunk.type === 'chunk' && chunk.facadeModuleId?.endsWith('/src/board/BoardCanvas.tsx'));
        if (!canvas || canvas.type !== 'chunk') throw new Error('the build has no chunk for src/board/BoardCanvas.tsx');
        // The entry and its imports are in the HTML already.
        return [canvas.fileName, ...canvas.imports].filter((file) => !html.includes(`/${file}`)).map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

export default defineConfig({
  root: here,
  plugins: [react(), preloadBoardCanvas()],
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
