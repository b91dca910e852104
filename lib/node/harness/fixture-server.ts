/**
 * Serves the bundled page copies over HTTP on loopback, under whatever host
 * name the browser asks for (tests map the publisher's hosts to it). Every
 * request is logged, so a test can prove nothing else was asked for.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

export const FIXTURES_DIR = resolve(import.meta.dirname, '..', '..', '..', 'data', 'page-copies');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
};

export interface LoggedRequest {
  host: string;
  path: string;
}

export interface FixtureServer {
  port: number;
  requests: LoggedRequest[];
  /** Serve `html` at `path` (e.g. a variant page, or a saved copy of the live page). */
  route(path: string, html: string): void;
  close(): Promise<void>;
}

/** Default routes: the article page at its real path, and assets under /assets/. */
export async function startFixtureServer(options: { port?: number; articleHtml?: string } = {}): Promise<FixtureServer> {
  const routes = new Map<string, string>();
  const requests: LoggedRequest[] = [];
  const article =
    options.articleHtml ?? (await readFile(join(FIXTURES_DIR, 'iranintl-202504220389.html'), 'utf8'));
  routes.set('/en/202504220389', article);

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push({ host: req.headers.host ?? '', path: url.pathname + url.search });
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const page = routes.get(path);
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      res.end(page);
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (path.startsWith('/assets/')) {
      const file = normalize(join(FIXTURES_DIR, path));
      if (!file.startsWith(FIXTURES_DIR)) {
        res.writeHead(403).end();
        return;
      }
      readFile(file).then(
        (body) => {
          res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
          res.end(body);
        },
        () => res.writeHead(404).end('not found'),
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    requests,
    route: (path, html) => routes.set(path.replace(/\/+$/, ''), html),
    close: () => new Promise((done) => server.close(() => done())),
  };
}
