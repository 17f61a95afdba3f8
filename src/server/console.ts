import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import { consoleBuildDir } from './console-files';

/** Where the console lives; `/` redirects here. */
export const CONSOLE_PATH = '/console';

// The console loads nothing from elsewhere (no CDN, no web fonts): the browser is told to refuse it too.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>hookwire console not built</title>
<body style="font-family:system-ui,sans-serif;max-width:36em;margin:4em auto;line-height:1.5">
<h1>The console is not built</h1>
<p>This hookwire serves its API, but <code>dist/console</code> is missing. Run <code>npm start</code>
(which builds it when its sources change) or <code>npm run build:console</code>, then reload.</p>`;

/**
 * Serves the console's built files at /console, with index.html for every path below it (the
 * console routes in the browser), and redirects `/` to it. Without a build it answers 503 with
 * a page that says how to build it, and the API keeps working. A browser's `GET /graphql` is sent
 * to the console's GraphiQL. Mounted by the api roles only, before the GraphQL middleware.
 */
export function mountConsole(app: Express, dir: string = consoleBuildDir()): void {
  const index = join(dir, 'index.html');
  app.get('/', (_req, res) => res.redirect(302, `${CONSOLE_PATH}/`));
  // A browser opening /graphql gets the bundled GraphiQL (Apollo's landing page loads from a CDN);
  // GraphQL clients (GET with a query, or asking for JSON) go on to the API.
  app.get('/graphql', (req, res, next) => {
    if (req.query.query !== undefined || req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html') return next();
    res.redirect(302, `${CONSOLE_PATH}/graphiql`);
  });
  app.use(CONSOLE_PATH, (_req, res, next) => {
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    res.setHeader('x-content-type-options', 'nosniff');
    next();
  });
  // Hashed file names: a file under assets/ never changes, so browsers may keep it.
  app.use(`${CONSOLE_PATH}/assets`, express.static(join(dir, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }));
  app.use(CONSOLE_PATH, express.static(dir, { index: false, redirect: false }));
  app.get(`${CONSOLE_PATH}{/*path}`, (_req, res) => {
    // Checked per request: a build finished after boot is served without a restart.
    if (!existsSync(index)) return void res.status(503).type('html').send(NOT_BUILT);
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
}
