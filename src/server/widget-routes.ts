// The embeddable widget and its demonstration page:
// - /widget.js: the loader a CCI puts on its site (one <script> line). Built from web/widget/ (contrast.js
//   + loader.js + the shadow-root styles) with the configured defaults; any origin may load it.
// - /widget/frame (+ frame.js, frame.css, contrast.js): the chat inside the widget's iframe, created only
//   when the visitor opens the chat. Its CSP frame-ancestors lists ALLOWED_ORIGINS: the sites allowed to
//   show the chat.
// - /demo (+ demo.css, logo.svg): a fictitious « CCI Exemple » home page embedding the widget.
// Register BEFORE registerStaticRoutes, whose catch-all answers 404.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import type { VirageConfig } from '../config.js';
import type { Logger } from '../log.js';
import { webDir as defaultWebDir } from '../paths.js';
import { originOf } from './directline/http.js';
import { sendError } from './http-errors.js';
import { chatPageCsp, escapeHtml } from './static-routes.js';

export interface WidgetDeps {
  config: VirageConfig;
  logger: Logger;
  /** Where widget/, demo/ and vendor/ live (tests may point elsewhere). */
  webDir?: string;
}

interface Built {
  body: Buffer;
  gzipped: Buffer;
  etag: string;
}

const gzipAsync = promisify(gzip);
/** /widget.js has a fixed address in the CCIs' pages: short cache, revalidated by ETag. */
export const WIDGET_CACHE = 'public, max-age=600';
const NO_CACHE = 'no-cache';
const JS = 'text/javascript; charset=utf-8';

/** JSON safe to place in a script: no "</script>", no line separators. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The chat frame's CSP: the chat page's, framed only by ALLOWED_ORIGINS (any site when it lists *). */
export function widgetFrameCsp(config: VirageConfig, req: Request): string {
  const csp = chatPageCsp(config, req);
  return config.allowedOrigins.includes('*') ? csp.replace(/frame-ancestors [^;]*/, 'frame-ancestors *') : csp;
}

/** The demo page's CSP: what a CCI site needs to allow for the widget (script-src and frame-src). */
export function demoCsp(botOrigin: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${botOrigin}`,
    "style-src 'self'",
    "img-src 'self' https:",
    `frame-src ${botOrigin}`,
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function registerWidgetRoutes(server: Server, deps: WidgetDeps): void {
  const { config, logger } = deps;
  const dir = deps.webDir ?? defaultWebDir;
  const cache = new Map<string, { key: string; built: Built }>();

  /** Reads files (by mtime) and builds a response body once per change. Undefined when one is missing. */
  const build = async (name: string, files: string[], make: (texts: string[]) => string): Promise<Built | undefined> => {
    let stats;
    try {
      stats = await Promise.all(files.map((f) => fs.stat(path.join(dir, f))));
    } catch {
      return undefined;
    }
    const key = stats.map((s) => s.mtimeMs).join('/');
    const hit = cache.get(name);
    if (hit && hit.key === key) return hit.built;
    const texts = await Promise.all(files.map((f) => fs.readFile(path.join(dir, f), 'utf8')));
    const body = Buffer.from(make(texts), 'utf8');
    const built = { body, gzipped: await gzipAsync(body), etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
    cache.set(name, { key, built });
    return built;
  };

  const send = (req: Request, res: Response, built: Built, headers: Record<string, string>) => {
    const all: Record<string, string> = { ...headers, ETag: built.etag, Vary: 'Accept-Encoding' };
    if (req.headers['if-none-match'] === built.etag) return res.sendRaw(304, '', all);
    const gz = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gz) all['Content-Encoding'] = 'gzip';
    res.sendRaw(200, gz ? built.gzipped : built.body, all);
  };

  const missing = (res: Response, what: string) => {
    logger.warn(`[widget] ${what} is missing`);
    sendError(res, 404, 'NotFound', 'Fichier du widget introuvable.');
  };

  const webchatVersion = async () => {
    try {
      return (await fs.readFile(path.join(dir, 'vendor', 'webchat', 'VERSION'), 'utf8')).trim();
    } catch {
      return 'absent';
    }
  };

  server.get('/widget.js', async (req, res) => {
    const defaults = { title: config.brand.title, color: config.brand.primaryColor };
    const built = await build('widget.js', ['widget/contrast.js', 'widget/widget.css', 'widget/loader.js'], ([contrast, css, loader]) =>
      [
        '/*! Virage — widget de conversation (licence MIT) */',
        '(function () {',
        "'use strict';",
        `var VIRAGE_DEFAULTS = ${scriptJson(defaults)};`,
        `var VIRAGE_CSS = ${scriptJson(css)};`,
        contrast,
        loader,
        '})();',
        '',
      ].join('\n'),
    );
    if (!built) return missing(res, 'web/widget/loader.js');
    // Loaded by <script> from any site: readable cross-origin, and allowed under COEP (CORP).
    send(req, res, built, {
      'Content-Type': JS,
      'Cache-Control': WIDGET_CACHE,
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
  });

  for (const [name, type] of [
    ['frame.js', JS],
    ['contrast.js', JS],
    ['frame.css', 'text/css; charset=utf-8'],
  ] as const) {
    server.get(`/widget/${name}`, async (req, res) => {
      const built = await build(name, [`widget/${name}`], ([text]) => text!);
      if (!built) return missing(res, `web/widget/${name}`);
      send(req, res, built, { 'Content-Type': type, 'Cache-Control': NO_CACHE });
    });
  }

  server.get('/widget/frame', async (req, res) => {
    const version = encodeURIComponent(await webchatVersion());
    const built = await build(`frame.html@${version}`, ['widget/frame.html'], ([html]) =>
      html!.replaceAll('{{title}}', escapeHtml(`Conversation avec ${config.brand.title}`)).replaceAll('{{webchatVersion}}', version),
    );
    if (!built) return missing(res, 'web/widget/frame.html');
    send(req, res, built, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': NO_CACHE,
      'Content-Security-Policy': widgetFrameCsp(config, req),
    });
  });

  server.get('/demo', async (req, res) => {
    const origin = originOf(config, req);
    const template = await build('demo.html', ['demo/index.html'], ([html]) => html!);
    if (!template) return missing(res, 'web/demo/index.html');
    const snippet = `<script src="${origin}/widget.js" data-title="CCI Exemple" data-color="#00594f" data-logo="/demo/logo.svg" async></script>`;
    const html = template.body.toString('utf8').replace('{{snippetText}}', escapeHtml(snippet)).replace('{{snippet}}', snippet);
    res.sendRaw(200, html, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': NO_CACHE,
      'Content-Security-Policy': demoCsp(origin),
    });
  });

  for (const [name, type] of [
    ['demo.css', 'text/css; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
  ] as const) {
    server.get(`/demo/${name}`, async (req, res) => {
      const built = await build(`demo/${name}`, [`demo/${name}`], ([text]) => text!);
      if (!built) return missing(res, `web/demo/${name}`);
      send(req, res, built, { 'Content-Type': type, 'Cache-Control': 'public, max-age=3600' });
    });
  }
}
