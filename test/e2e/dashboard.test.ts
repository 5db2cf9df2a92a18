// The CCI dashboard in a real browser, on a seeded store: a responsable logs in from the dashboard's
// address (sent to the console's login and back), sees the charts (SVG images, loaded) and their
// tables, changes the period with the keyboard, and axe finds no serious issue. A plain advisor gets
// the « réservé » page.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PASSWORD, startApp } from '../dialogs/handoff/helpers.js';
import { seed } from '../dashboard/seed.js';
import { appAndBrowser, describeViolations, runAxe, screenshotPath, serious } from './browser.js';

const env = appAndBrowser(
  async () => {
    const app = await startApp('2026-11-01T09:00:00.000Z');
    await seed(app.virage, app.clock, path.join(app.dataDir, 'conseillers.json'));
    return app;
  },
  { width: 1280, height: 900 },
);

async function loginFromDashboard(page: Page, login: string): Promise<void> {
  await page.goto(`${env.app.url}/conseiller/tableau-de-bord`);
  await page.waitForURL(/\/conseiller\?retour=tableau-de-bord$/);
  await page.locator('#login-id').fill(login);
  await page.locator('#login-password').fill(PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/conseiller\/tableau-de-bord$/);
}

it('shows a responsable the charts and tables of their CCI, keyboard-usable and axe clean', async () => {
  const page = await env.browser.context.newPage();
  await loginFromDashboard(page, 'sophie.leroy'); // (the login page's session check logs a 401 before)
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  await expect(page.locator('h1').innerText()).resolves.toBe('Tableau de bord — CCI Exemple Gironde');
  await expect(page.locator('.lead').innerText()).resolves.toMatch(/^Période : du 2 novembre 2026 au 1er décembre 2026\./);

  // The period: native date fields (Tab moves through their day/month/year segments), sent with Enter.
  await page.locator('#du').fill('2026-11-01');
  await page.locator('#au').fill('2026-11-30');
  await page.locator('.period button').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/du=2026-11-01&au=2026-11-30/);
  await expect(page.locator('.lead').innerText()).resolves.toMatch(/du 1er novembre 2026 au 30 novembre 2026/);

  // Every chart is drawn (the SVG image loaded, with a size) and followed by its table.
  const charts = page.locator('figure img');
  expect(await charts.count()).toBe(10);
  for (const img of await charts.all()) {
    expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
    expect(await img.getAttribute('alt')).toMatch(/^Graphique en barres : .+ Les chiffres sont dans le tableau qui suit\.$/);
  }
  const stops = page.locator('#arrets table');
  await expect(stops.locator('caption').innerText()).resolves.toBe('Diagnostics arrêtés, par question');
  await expect(stops.locator('tbody tr').allInnerTexts()).resolves.toEqual(['Sauvegardes\t6', 'Site internet\t< 5']);
  await expect(page.locator('#diagnostics tbody tr').first().innerText()).resolves.toBe('Commencés\t17');
  expect(errors).toEqual([]); // no CSP violation, nothing broken

  // The table of contents is reachable with the keyboard and moves the focus to a section.
  await page.locator('nav[aria-label="Sommaire du tableau de bord"] a[href="#delais"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/#delais$/);

  await page.screenshot({ path: screenshotPath('tableau-de-bord.png'), fullPage: true });
  expect(describeViolations(serious(await runAxe(page, 'tableau-de-bord')))).toBe('');

  // The CSV link downloads the same figures.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.csv').click()]);
  expect(download.suggestedFilename()).toBe('virage-cci-exemple-gironde-2026-11-01-2026-11-30.csv');
  await page.close();
});

it('gives a plain advisor the « réservé » page, axe clean', async () => {
  const page = await env.browser.context.newPage();
  await page.context().clearCookies();
  await page.goto(`${env.app.url}/conseiller/tableau-de-bord`);
  await page.locator('#login-id').fill('claire.martin');
  await page.locator('#login-password').fill(PASSWORD);
  await page.keyboard.press('Enter');
  await page.locator('h1', { hasText: 'Accès réservé aux responsables' }).waitFor();
  expect(describeViolations(serious(await runAxe(page, 'tableau-de-bord-refus')))).toBe('');
  await page.close();
});
