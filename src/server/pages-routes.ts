// Static pages of general information: /conditions (terms of use, linked from the Teams app manifest).
// The privacy page lives in privacy-routes.ts, beside the data download it explains.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Server } from 'restify';
import type { VirageConfig } from '../config.js';
import { webDir } from '../paths.js';
import { escapeHtml } from './privacy-routes.js';

export function registerPagesRoutes(server: Server, deps: { config: VirageConfig }): void {
  const { config } = deps;
  const page = readFileSync(path.join(webDir, 'pages', 'conditions.html'), 'utf8')
    .replaceAll('{{title}}', escapeHtml(config.brand.title))
    .replaceAll('{{color}}', config.brand.primaryColor);

  server.get('/conditions', async (_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    res.sendRaw(200, page);
  });
}
