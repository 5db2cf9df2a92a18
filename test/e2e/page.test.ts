// The plain chat page at / in a real browser: Web Chat greets, a question gets its answer from the
// guides, and axe-core finds no serious accessibility issue.
import type { Page } from 'playwright-core';
import { startVirage, type Running } from '../helpers/virage.js';
import { describeViolations, launch, runAxe, screenshotPath, serious, type Browser } from './browser.js';

let app: Running;
let browser: Browser;

beforeAll(async () => {
  app = await startVirage();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const said = (page: Page, text: string) => page.locator('.webchat__bubble__content').filter({ hasText: text });

it('greets on /, answers a question and has no serious accessibility issue', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${app.url}/`);
  await said(page, 'je suis Virage, l’assistant numérique de votre CCI').first().waitFor();
  await page.getByRole('button', { name: 'Poser une question', exact: true }).last().click();
  await said(page, 'Quelle est votre question ?').first().waitFor();
  const box = page.locator('[data-id="webchat-sendbox-input"]');
  await box.fill('combien coûte un site internet ?');
  await box.press('Enter');
  await said(page, 'Créer un site vitrine').first().waitFor();
  await page.screenshot({ path: screenshotPath('page-conversation.png') });
  expect(describeViolations(serious(await runAxe(page, 'page')))).toBe('');
  await page.close();
});
