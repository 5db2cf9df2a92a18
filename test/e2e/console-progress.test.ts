// The follow-up diagnostic in the advisor console, in a real browser: a request whose diagnostic was a
// second one shows the table « Évolution depuis le diagnostic du … » (before, after, change per axis),
// built as text (no HTML from the context), and axe finds no serious issue.
import { PASSWORD, request } from '../handoff/helpers.js';
import { startApp } from '../dialogs/handoff/helpers.js';
import { appAndBrowser, describeViolations, runAxe, serious } from './browser.js';

const MONDAY_10H = '2026-11-23T09:00:00Z';
const env = appAndBrowser(() => startApp(MONDAY_10H), { width: 1280, height: 1000 });

it('shows T0 → T1 per axis in the request’s context', async () => {
  const base = request('webchat:suivi', { departement: '33' });
  await env.app.virage.handoff.service.create({
    ...base,
    context: {
      ...base.context!,
      diagnostic: {
        ...base.context!.diagnostic!,
        progress: {
          since: '2026-05-20T09:00:00.000Z',
          rows: [
            { label: 'Score global', before: 40, after: 52 },
            { label: 'Cybersécurité et RGPD', before: 25, after: 50 },
            { label: '<img src=x onerror=alert(1)>', before: 60, after: 55 },
          ],
        },
      },
    },
  });
  const page = await env.browser.context.newPage();
  await page.goto(`${env.app.url}/conseiller`);
  await page.locator('#login-id').fill('claire.martin');
  await page.locator('#login-password').fill(PASSWORD);
  await page.locator('#login-password').press('Enter');
  await page.locator('#app').waitFor();
  // No advisor is « disponible » when the request is made: it is a callback (presence-aware handoff).
  await page.locator('#list-waiting li button, #list-callbacks li button').first().click();
  const table = page.locator('#detail-diagnostic table.progress');
  await table.waitFor();
  expect(await table.locator('caption').innerText()).toBe('Évolution depuis le diagnostic du 20 mai 2026');
  const rows = await table.locator('tr').allInnerTexts();
  expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
    'Axe Avant Après Écart',
    'Score global 40 52 +12',
    'Cybersécurité et RGPD 25 50 +25',
    '<img src=x onerror=alert(1)> 60 55 −5',
  ]);
  expect(await page.locator('#detail-diagnostic img').count()).toBe(0);
  expect(describeViolations(serious(await runAxe(page, 'console-progress')))).toBe('');
});
