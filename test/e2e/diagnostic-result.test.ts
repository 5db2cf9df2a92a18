// The diagnostic's result as a person sees it in Web Chat: the Adaptive Card renders, its radar chart
// loads from our server, the PDF link works, and axe finds no serious issue. The first answers are put
// in the store through the domain (as if given earlier); the last one is clicked in the browser.
import type { Page } from 'playwright-core';
import { loadQuestionnaire, type Answer } from '../../src/diagnostic/index.js';
import { DiagnosticRecords, type StoredResult, type SubjectDiagnostics } from '../../src/diagnostic/records.js';
import { answerFromButton, answerFromSubmit } from '../../src/diagnostic/understand.js';
import { TYPICAL } from '../dialogs/diagnostic/typical.js';
import { loadNluData } from '../../src/nlu/index.js';
import { startVirage } from '../helpers/virage.js';
import { appAndBrowser, describeViolations, runAxe, screenshotPath, serious } from './browser.js';


const env = appAndBrowser(() => startVirage(), { width: 1100, height: 1400 });

const said = (page: Page, text: string) => page.locator('.webchat__bubble__content').filter({ hasText: text });

function typicalAnswers(lastId: string): Record<string, Answer> {
  const q = loadQuestionnaire();
  const sectors = loadNluData().sectors.secteurs;
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

it('shows the result card with its chart and a working PDF link', async () => {
  const page = await env.browser.context.newPage();
  // npm start users open http://localhost:3978: links in cards use that host in local mode.
  await page.goto(`http://localhost:${env.app.port}/`);
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

  const card = page.locator('.ac-adaptiveCard').last();
  await card.waitFor();
  await expect(card.innerText()).resolves.toMatch(/Présence en ligne|Stratégie/);
  const chart = card.locator('img').first();
  await chart.waitFor();
  await page.waitForFunction((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0, await chart.elementHandle());
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
