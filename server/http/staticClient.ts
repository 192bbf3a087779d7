/** Serves the built client: hashed assets cached for good, the tab icon, the page itself for `/`, `/b/*`, `/n/*` and `/stats`. */
import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

export function staticClientRouter(clientDir: string): Router {
  const router = express.Router();
  const indexFile = path.join(clientDir, 'index.html');
  router.use(
    '/assets',
    express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  router.use(express.static(clientDir, { index: false }));
  // Browsers and bookmarks still ask for the old name of the tab icon.
  router.get('/favicon.ico', (_req, res) => res.redirect(301, '/favicon.svg'));
  router.get(['/', '/b/{*rest}', '/n/{*rest}', '/stats'], (_req, res) => {
    if (!fs.existsSync(indexFile)) {
      res.status(503).type('text/plain').send('The client is not built yet: run `npm run build` (npm start does it for you).');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return router;
}
