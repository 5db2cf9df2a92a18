// The diagnostic's result as a person sees it in Web Chat: the Adaptive Card renders, its radar chart
// loads from our server, the PDF link works, and axe finds no serious issue. The first answers are put
// in the store through the domain (as if given earlier); the last one is clicked in the browser.
import type { Page } from 'playwright-core';
import { loadQuestionnaire, type Answer } from '../../src/diagnostic/index.js';
import { DiagnosticRecords, type StoredResult, type SubjectDiagnostics } from '../../src/diagnostic/records.js';
import { answerFromButton, answerFromSubmit } from '../../src/diagnostic/understand.js';
import { TYPICAL } from '../dialogs/diagnostic/typical.js';
import { content } from '../helpers/content.js';
import { startVirage } from '../helpers/virage.js';
import { appAndBrowser, describeViolations, runAxe, screenshotPath, serious } from './browser.js';

const env = appAndBrowser(() => startVirage(), { width: 1100, height: 1400 });

const said = (page: Page, text: string) => page.locator('.webchat__bubble__content').filter({ hasText: text });

function typicalAnswers(lastId: string): Record<string, Answer> {
  const q = loadQuestionnaire();
  const sectors = content().nlu.sectors.secteurs;
  const answers: Record<string, Answer> = {};
  for (const question of q.questions) {
    if (question.id === lastId) continue;
    const say = TYPICAL[question.id]!;
    const answer =
      question.type === 'location'
        ? ({ type: 'location', departement: '33', region: '75' } as Answer)
        : typeof say === 'string'
          ? answerFromButton(question, say, sectors)
          : answerFromSubmit(question, say.value);
    if (!answer) throw new Error(`no answer for ${question.id}`);
    answers[question.id] = answer;
  }
  return answers;
}

/** Opens the chat at `host`, finishes the diagnostic (one click) and returns the page with the result card. */
async function resultAt(host: string): Promise<{ page: Page; subject: string; records: DiagnosticRecords<unknown>; blocked: string[] }> {
  const page = await env.browser.context.newPage();
  const blocked: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
  });
  await page.goto(`http://${host}:${env.app.port}/`);
  await said(page, 'Que souhaitez-vous faire ?').first().waitFor();
  const userId = await page.evaluate(() => JSON.parse(localStorage.getItem('virage.webchat.v1') || '{}').userId as string);
  expect(userId).toMatch(/^dl_/);

  const records = new DiagnosticRecords(
    env.app.virage.store.collection<SubjectDiagnostics>('diagnostics'),
    env.app.virage.store.collection<StoredResult<unknown>>('diagnostic-results'),
  );
  const subject = `directline:${userId}`;
  await records.start(subject, loadQuestionnaire().version);
  for (const [id, answer] of Object.entries(typicalAnswers('profil_temps'))) await records.saveAnswer(subject, id, answer);

  await page.getByRole('button', { name: 'Faire mon diagnostic numérique', exact: true }).last().click();
  await page.getByRole('button', { name: 'Reprendre', exact: true }).last().click();
  await page.getByRole('button', { name: 'Une ou deux heures par semaine', exact: true }).last().click();
  return { page, subject, records, blocked };
}

it('shows the result card with its chart and a working PDF link', async () => {
  // npm start users open http://localhost:3978.
  const { page, subject, records } = await resultAt('localhost');
  const card = page.locator('.ac-adaptiveCard').last();
  await card.waitFor();
  await expect(card.innerText()).resolves.toMatch(/Présence en ligne|Stratégie/);
  const chart = card.locator('img').first();
  await chart.waitFor();
  await page.waitForFunction(
    (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
    await chart.elementHandle(),
  );
  expect(await chart.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(600);
  expect(await chart.getAttribute('alt')).toMatch(/Graphique radar/);

  const pdfButton = card.getByRole('button', { name: /rapport PDF/ });
  await pdfButton.waitFor();
  const stored = await records.lastCompleted(subject);
  const pdf = await fetch(`${env.app.url}/diagnostic/${stored!.resultId}/rapport.pdf`);
  expect(pdf.headers.get('content-type')).toBe('application/pdf');

  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('diagnostic-resultat.png'), fullPage: true });
  expect(describeViolations(serious(await runAxe(page, 'diagnostic-result')))).toBe('');
  await page.close();
});

// With PUBLIC_URL empty, links are built from the address the page was opened at: opened as 127.0.0.1 (or
// from another device by the machine's address), the chart comes from that host and the page's CSP allows it.
it('shows the chart when the page is opened at 127.0.0.1, with links to that host', async () => {
  const { page, blocked } = await resultAt('127.0.0.1');
  const card = page.locator('.ac-adaptiveCard').last();
  await card.waitFor();
  const chart = card.locator('img').first();
  await chart.waitFor();
  expect(await chart.getAttribute('src')).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${env.app.port}/diagnostic/`));
  await page.waitForFunction(
    (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
    await chart.elementHandle(),
    { timeout: 10_000 },
  );
  expect(await chart.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(600);
  const pdfUrl = await page.evaluate(
    () => [...document.querySelectorAll('a, button')].map((e) => e.getAttribute('href') ?? '').find((h) => h.includes('rapport.pdf')) ?? '',
  );
  if (pdfUrl) expect(pdfUrl).toContain(`http://127.0.0.1:${env.app.port}/`);
  expect(blocked).toEqual([]);
  await page.close();
});
