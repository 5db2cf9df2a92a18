// The widget on a site of ANOTHER origin (and another site: localhost vs 127.0.0.1), as on a CCI's
// site: the bot origin comes from the script's own src, the chat works and survives a navigation when
// the site is in ALLOWED_ORIGINS; a site that is not listed cannot show the chat (CSP frame-ancestors)
// and the visitor reads a French message. A light brand colour gets dark text (contrast).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { startVirage, type Running } from '../helpers/virage.js';
import { describeViolations, launch, runAxe, serious, type Browser } from './browser.js';

let app: Running;
let browser: Browser;
const sites: { server: Server; origin: string }[] = [];

/** A CCI-like site on its own port: two pages with the one-line snippet. */
async function site(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    if (req.url !== '/' && req.url !== '/autre-page') {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Site d’une CCI</title>
<style>button { background: red !important; font-size: 40px !important; } * { letter-spacing: 2px; font-family: monospace !important; }</style></head>
<body><main><h1>Bienvenue sur le site de la CCI</h1><p><a href="/autre-page">Autre page</a></p></main>
<script src="${app.url}/widget.js" data-title="CCI Test" data-color="#ffd500" data-logo="javascript:alert(1)" async></script>
</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const entry = { server, origin: `http://localhost:${(server.address() as AddressInfo).port}` };
  sites.push(entry);
  return entry;
}

let allowed: string;
let refused: string;

beforeAll(async () => {
  const a = await site();
  const b = await site();
  allowed = a.origin;
  refused = b.origin;
  app = await startVirage({ ALLOWED_ORIGINS: allowed });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await Promise.all(sites.map((s) => new Promise((resolve) => s.server.close(resolve))));
});

const bubble = (page: Page) => page.getByRole('button', { name: /(Ouvrir|Fermer) la conversation avec CCI Test/ });
const chat = (page: Page) => page.frameLocator('iframe[title="Conversation avec CCI Test"]');
const said = (page: Page, text: string) => chat(page).locator('.webchat__bubble__content').filter({ hasText: text });

it('works on an allowed site of another origin, isolated from its styles, and survives a navigation', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${allowed}/`);
  await bubble(page).waitFor();
  // Light colour: dark text on the bubble; the host's "button { background: red }" does not reach in.
  const look = await page.locator('[data-virage-widget] .bubble').evaluate((el) => {
    const s = getComputedStyle(el);
    return { color: s.color, background: s.backgroundColor };
  });
  expect(look).toEqual({ color: 'rgb(26, 26, 26)', background: 'rgb(255, 213, 0)' });
  expect(await page.locator('[data-virage-widget] img').count()).toBe(0); // javascript: logo refused

  await bubble(page).click();
  await said(page, 'je suis Virage').first().waitFor();
  await chat(page).getByRole('button', { name: 'Poser une question', exact: true }).last().click();
  await said(page, 'Quelle est votre question ?').first().waitFor();
  expect(describeViolations(serious(await runAxe(page, 'widget-autre-site')))).toBe('');

  await page.goto(`${allowed}/autre-page`);
  await said(page, 'Quelle est votre question ?').first().waitFor(); // same conversation, reopened
  await page.close();
});

it('cannot show the chat on a site missing from ALLOWED_ORIGINS, and says so in French', async () => {
  const page = await browser.context.newPage();
  const tokenCalls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/directline/token')) tokenCalls.push(r.url());
  });
  await page.goto(`${refused}/`);
  await bubble(page).click();
  await page
    .locator('[data-virage-widget] .status')
    .filter({ hasText: 'Le service de conversation ne répond pas pour le moment. Réessayez plus tard.' })
    .waitFor({ timeout: 30_000 });
  expect(tokenCalls).toEqual([]);
  await page.close();
});
