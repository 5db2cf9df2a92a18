// The plain chat page at / in a real browser: Web Chat greets, a question gets its answer from the
// guides, and axe-core finds no serious accessibility issue.
import type { Page } from 'playwright-core';
import { startVirage } from '../helpers/virage.js';
import { appAndBrowser, describeViolations, runAxe, screenshotPath, serious } from './browser.js';

const env = appAndBrowser(() => startVirage());

const said = (page: Page, text: string) => page.locator('.webchat__bubble__content').filter({ hasText: text });

it('greets on /, answers a question and has no serious accessibility issue', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(`${env.app.url}/`);
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
