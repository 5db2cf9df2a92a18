// The embeddable widget in a real browser (Debian's Chromium), on the /demo page, against a real Virage
// (real store, self-hosted Direct Line, Microsoft's Web Chat): nothing stored or loaded before opening
// (CNIL), a question answered from the guides, the conversation kept across a reload, the diagnostic
// started by buttons and by free text, keyboard use, unread badge, mobile layout, and axe-core.
import type { FrameLocator, Page, Request } from 'playwright-core';
import { startVirage } from '../helpers/virage.js';
import { appAndBrowser, describeViolations, launch, runAxe, screenshotPath, serious } from './browser.js';

const WELCOME = 'je suis Virage, l’assistant numérique de votre CCI';

const env = appAndBrowser(() => startVirage());

function bubble(page: Page) {
  return page.getByRole('button', { name: /(Ouvrir|Fermer) la conversation avec CCI Exemple/ });
}

function chat(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="Conversation avec CCI Exemple"]');
}

function sendBox(frame: FrameLocator) {
  return frame.locator('[data-id="webchat-sendbox-input"], input[type="text"], textarea').first();
}

async function say(frame: FrameLocator, text: string): Promise<void> {
  const box = sendBox(frame);
  await box.fill(text);
  await box.press('Enter');
}

/** Clicks a suggested action (or card button) in the chat; the last one with that text. */
async function choose(frame: FrameLocator, label: string): Promise<void> {
  await frame.getByRole('button', { name: label, exact: true }).last().click();
}

/** The chat's message bubbles containing `text` (Web Chat also renders hidden labels for screen readers). */
function said(frame: FrameLocator, text: string) {
  return frame.locator('.webchat__bubble__content').filter({ hasText: text });
}

async function storageOf(page: Page): Promise<{ local: number; session: number; cookie: string }> {
  return page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie }));
}

describe('widget on the demo page', () => {
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    page = await env.browser.context.newPage();
    page.on('request', (r: Request) => requests.push(r.url()));
  });
  afterAll(() => page.close());

  it('before opening: only widget.js is loaded, nothing is stored, no serious accessibility issue', async () => {
    await page.goto(`${env.app.url}/demo`);
    await bubble(page).waitFor();
    await page.waitForLoadState('networkidle');
    const paths = requests.map((u) => new URL(u).pathname);
    expect(paths).toContain('/widget.js');
    expect(paths.filter((p) => !['/demo', '/demo/demo.css', '/demo/logo.svg', '/widget.js', '/favicon.ico'].includes(p))).toEqual([]);
    expect(paths).not.toContain('/webchat.js');
    expect(page.frames()).toHaveLength(1); // no iframe yet
    expect(await storageOf(page)).toEqual({ local: 0, session: 0, cookie: '' });
    expect(await env.browser.context.cookies()).toEqual([]);
    await expect(bubble(page).getAttribute('aria-expanded')).resolves.toBe('false');

    const violations = await runAxe(page, 'widget-ferme');
    expect(describeViolations(serious(violations))).toBe('');
    await page.screenshot({ path: screenshotPath('widget-ferme.png') });
  });

  it('opens on click, greets, and answers a question from the guides', async () => {
    await bubble(page).click();
    const frame = chat(page);
    await said(frame, WELCOME).first().waitFor();
    expect(requests.some((u) => new URL(u).pathname === '/webchat.js')).toBe(true);
    await expect(bubble(page).getAttribute('aria-expanded')).resolves.toBe('true');

    await choose(frame, 'Poser une question');
    await said(frame, 'Quelle est votre question ?').first().waitFor();
    await say(frame, 'combien coûte un site internet ?');
    await said(frame, 'Créer un site vitrine').first().waitFor();
    // Stored only now, after opening (the widget's panel state, on the host page).
    expect((await storageOf(page)).local).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('widget-ouvert.png') });
  });

  it('has no serious accessibility issue with the chat open (page and chat frame)', async () => {
    const violations = serious(await runAxe(page, 'widget-ouvert'));
    expect(describeViolations(violations)).toBe('');
  });

  it('keeps the conversation after a reload and a navigation on the site', async () => {
    await page.reload();
    let frame = chat(page);
    await said(frame, 'combien coûte un site internet ?').first().waitFor();
    await said(frame, 'Créer un site vitrine').first().waitFor();
    await page.goto(`${env.app.url}/demo?page=numerique`);
    frame = chat(page);
    await said(frame, 'combien coûte un site internet ?').first().waitFor();
  });

  it('runs the diagnostic: first questions answered by typing and by buttons', async () => {
    const frame = chat(page);
    await say(frame, 'menu');
    await choose(frame, 'Faire mon diagnostic numérique');
    await said(frame, 'Combien de personnes travaillent dans votre entreprise').last().waitFor();
    await say(frame, 'on est 3');
    await said(frame, 'Quel est votre secteur d').last().waitFor();
    await say(frame, 'je tiens une boulangerie');
    await said(frame, 'Vos clients sont-ils surtout des particuliers').last().waitFor();
    await choose(frame, 'Des particuliers');
    await said(frame, 'Dans quel département se trouve votre entreprise').last().waitFor();
  });

  it('closes with Escape from inside the chat and gives the focus back to the bubble', async () => {
    await sendBox(chat(page)).focus();
    await page.keyboard.press('Escape'); // the frame tells the loader: asynchronous
    await page.locator('[data-virage-widget] .bubble[aria-expanded="false"]').waitFor();
    await page.locator('[data-virage-widget] .panel:not(.open)').waitFor({ state: 'attached' });
    const focused = await page.evaluate(() => {
      const host = document.activeElement;
      return host?.shadowRoot?.activeElement?.getAttribute('aria-label') ?? null;
    });
    expect(focused).toMatch(/^Ouvrir la conversation avec CCI Exemple/);
  });

  it('shows an unread badge and announces a bot message that arrives while closed', async () => {
    const conversationId = await chat(page)
      .locator('body')
      .evaluate(() => JSON.parse(localStorage.getItem('virage.widget.conversation.v1') ?? '{}').conversationId as string);
    expect(conversationId).toBeTruthy();
    await env.app.virage.directLine.postBotActivity(conversationId, { type: 'message', text: 'Un conseiller vous répond.' });
    await page.getByRole('button', { name: 'Ouvrir la conversation avec CCI Exemple (1 nouveau message)' }).waitFor();
    expect(await page.locator('[data-virage-widget] .badge').textContent()).toBe('1');
    expect(await page.locator('[data-virage-widget] .sr-only').textContent()).toBe('Nouveau message de CCI Exemple');
    await bubble(page).click();
    await said(chat(page), 'Un conseiller vous répond.').first().waitFor();
    await page.locator('[data-virage-widget] .badge').waitFor({ state: 'hidden' });
  });

  it('« Nouvelle conversation » starts a fresh conversation (same visitor)', async () => {
    const frame = chat(page);
    const stored = () =>
      frame
        .locator('body')
        .evaluate(
          () => JSON.parse(localStorage.getItem('virage.widget.conversation.v1') ?? '{}') as { conversationId: string; userId: string },
        );
    const before = await stored();
    await page.getByRole('button', { name: 'Nouvelle conversation' }).click();
    await said(frame, WELCOME).first().waitFor();
    await said(frame, 'combien coûte un site internet ?').first().waitFor({ state: 'detached' });
    const after = await stored();
    expect(after.conversationId).not.toBe(before.conversationId);
    expect(after.userId).toBe(before.userId);
  });
});

describe('widget by keyboard only, and on a phone', () => {
  it('Tab reaches the bubble, Enter opens and focuses the message box', async () => {
    const fresh = await launch(); // a first visit: the panel was never opened
    const page = await fresh.context.newPage();
    await page.goto(`${env.app.url}/demo`);
    await bubble(page).waitFor();
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('aria-label') ?? '');
      if (label.startsWith('Ouvrir la conversation') || label.startsWith('Fermer la conversation')) break;
    }
    await page.keyboard.press('Enter');
    await said(chat(page), WELCOME).first().waitFor();
    await sendBox(chat(page)).waitFor();
    await page.waitForFunction(() => document.activeElement?.shadowRoot?.activeElement?.tagName === 'IFRAME');
    await expect(sendBox(chat(page)).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await fresh.close();
  });

  it('fills the screen under 600 px', async () => {
    const phone = await launch({ width: 390, height: 844 });
    try {
      const page = await phone.context.newPage();
      await page.goto(`${env.app.url}/demo`);
      await bubble(page).click();
      await said(chat(page), WELCOME).first().waitFor();
      const box = await page.locator('[data-virage-widget] .panel').boundingBox();
      expect(box).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
      await page.screenshot({ path: screenshotPath('widget-mobile-390.png') });
    } finally {
      await phone.close();
    }
  });
});
