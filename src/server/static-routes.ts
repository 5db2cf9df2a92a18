// The web chat page at / (web/index.html, chat.js, chat.css, a theme generated from the configuration),
// Microsoft Web Chat's bundle at /webchat.js (extracted from npm at install into web/vendor/webchat/,
// never from a CDN), /api/webchat/config, and a French 404 page for unknown addresses.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import type { VirageConfig } from '../config.js';
import type { Logger } from '../log.js';
import { webDir as defaultWebDir } from '../paths.js';
import { originOf, wsOrigin } from './directline/http.js';
import { sendError } from './http-errors.js';

export interface StaticDeps {
  config: VirageConfig;
  logger: Logger;
  /** Where index.html, chat.js… live (tests may point elsewhere). */
  webDir?: string;
}

interface Cached {
  mtimeMs: number;
  body: Buffer;
  gzipped?: Buffer;
  etag: string;
}

const gzipAsync = promisify(gzip);
const YEAR = 'public, max-age=31536000, immutable';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The page's Content-Security-Policy: no inline or eval'd script; styles inline (Web Chat injects them). */
export function chatPageCsp(config: VirageConfig, req: Request): string {
  const origin = originOf(config, req);
  const connect = ["'self'", wsOrigin(origin)];
  if (config.directLineSecret) connect.push('https://*.botframework.com', 'wss://*.botframework.com');
  const ancestors = ["'self'", ...config.allowedOrigins.filter((o) => o !== '*')];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "media-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${ancestors.join(' ')}`,
  ].join('; ');
}

export function registerStaticRoutes(server: Server, deps: StaticDeps): void {
  const { config, logger } = deps;
  const dir = deps.webDir ?? defaultWebDir;
  const vendor = path.join(dir, 'vendor', 'webchat');
  const cache = new Map<string, Cached>();

  /** Reads a file through a small cache (refreshed when the file changes); undefined when absent. */
  const read = async (file: string, compress: boolean): Promise<Cached | undefined> => {
    let stat;
    try {
      stat = await fs.stat(file);
    } catch {
      return undefined;
    }
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs) return hit;
    const body = await fs.readFile(file);
    const entry: Cached = { mtimeMs: stat.mtimeMs, body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
    if (compress) entry.gzipped = await gzipAsync(body);
    cache.set(file, entry);
    return entry;
  };

  const send = (req: Request, res: Response, entry: Cached, type: string, cacheControl: string) => {
    const headers: Record<string, string> = {
      'Content-Type': type,
      'Cache-Control': cacheControl,
      ETag: entry.etag,
      Vary: 'Accept-Encoding',
    };
    if (req.headers['if-none-match'] === entry.etag) {
      res.sendRaw(304, '', headers);
      return;
    }
    const gz = entry.gzipped && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gz) headers['Content-Encoding'] = 'gzip';
    res.sendRaw(200, gz ? entry.gzipped! : entry.body, headers);
  };

  const webchatVersion = async () => (await read(path.join(vendor, 'VERSION'), false))?.body.toString('utf8').trim() ?? 'absent';

  server.get('/', async (req, res) => {
    const template = await read(path.join(dir, 'index.html'), false);
    if (!template) return sendError(res, 404, 'NotFound', 'Page de conversation introuvable (web/index.html).');
    const html = template.body
      .toString('utf8')
      .replaceAll('{{title}}', escapeHtml(config.brand.title))
      .replaceAll('{{webchatVersion}}', encodeURIComponent(await webchatVersion()));
    res.sendRaw(200, html, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': chatPageCsp(config, req),
    });
  });

  for (const [name, type] of [
    ['chat.js', 'text/javascript; charset=utf-8'],
    ['session.js', 'text/javascript; charset=utf-8'],
    ['chat.css', 'text/css; charset=utf-8'],
  ] as const) {
    server.get(`/${name}`, async (req, res) => {
      const entry = await read(path.join(dir, name), false);
      if (!entry) return sendError(res, 404, 'NotFound', 'Fichier introuvable.');
      send(req, res, entry, type, 'no-cache');
    });
  }

  // Colours are validated (#RRGGBB) by config.ts: safe to write into CSS.
  server.get('/chat-theme.css', async (_req, res) => {
    const css = `:root { --virage-primary: ${config.brand.primaryColor}; --virage-accent: ${config.brand.accentColor}; }\n`;
    res.sendRaw(200, css, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' });
  });

  server.get('/api/webchat/config', async (_req, res) => {
    res.json(200, {
      title: config.brand.title,
      primaryColor: config.brand.primaryColor,
      accentColor: config.brand.accentColor,
      locale: 'fr-FR',
      tokenUrl: '/api/directline/token',
    });
  });

  server.get('/webchat.js', async (req, res) => {
    const entry = await read(path.join(vendor, 'webchat.js'), true);
    if (!entry) {
      logger.warn('[static] web/vendor/webchat/webchat.js is missing: run npm install');
      res.sendRaw(404, '/* Le module de conversation n’est pas installé : lancez npm install. */\n', {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      return;
    }
    send(req, res, entry, 'text/javascript; charset=utf-8', YEAR);
  });

  server.get('/favicon.ico', async (_req, res) => {
    res.sendRaw(204, '', { 'Cache-Control': 'public, max-age=86400' });
  });

  // Anything else: a French page for people, the JSON error for programs.
  server.get('/*', async (req, res) => {
    if (!/text\/html/.test(String(req.headers.accept ?? ''))) return sendError(res, 404, 'NotFound', 'Ressource introuvable.');
    res.sendRaw(404, notFoundPage(config.brand.title), {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'",
    });
  });
}

function notFoundPage(title: string): string {
  const t = escapeHtml(title);
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Page introuvable — ${t}</title><link rel="stylesheet" href="/chat.css"></head>
<body><main class="chat"><div class="status">
<h1>Page introuvable</h1>
<p>L’adresse demandée n’existe pas ou plus.</p>
<p><a href="/">Revenir à la conversation avec Virage</a></p>
</div></main></body>
</html>
`;
}
