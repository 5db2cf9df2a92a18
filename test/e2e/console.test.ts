// The advisor console in a real browser: login, a live request of the advisor's CCI with its context,
// take it, answer, and the answer is stored and relayed; keyboard-only login; axe finds no serious issue.
import type { Page } from 'playwright-core';
import { PASSWORD } from '../handoff/helpers.js';
import { fillRequest, say, startApp } from '../dialogs/handoff/helpers.js';
import { appAndBrowser, describeViolations, runAxe, screenshotPath, serious } from './browser.js';

const MONDAY_10H = '2026-11-23T09:00:00Z'; // 10:00 in Paris (winter time): the CCI is open

const env = appAndBrowser(() => startApp(MONDAY_10H), { width: 1280, height: 1000 });

async function login(page: Page): Promise<void> {
  await page.goto(`${env.app.url}/conseiller`);
  // Keyboard only: focus the login, type, Tab to the password, Enter submits.
  await page.locator('#login-id').focus();
  await page.keyboard.type('claire.martin');
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.locator('#app').waitFor();
}

it('lets an advisor log in, say « disponible », see the request with its context, take it and answer', async () => {
  const page = await env.browser.context.newPage();
  await login(page);
  // Presence: the console starts « occupé »; nobody free means no live exchange for the dirigeant.
  const team = page.locator('#team li[data-login="claire.martin"]');
  await team.waitFor();
  expect(await team.getAttribute('data-state')).toBe('occupe');
  expect(await page.locator('#team li[data-login="thomas.petit"]').innerText()).toBe('Thomas Petit — absent');
  await fillRequest(env.app.url, 'e2e-busy');
  expect(JSON.stringify(await say(env.app.url, 'e2e-busy', 'Oui, c’est bien ça'))).toMatch(/Aucun conseiller n’est libre en ce moment/);
  // With the keyboard: « Disponible » focused, Space checks it.
  await page.locator('input[name="presence"][value="disponible"]').focus();
  await page.keyboard.press('Space');
  await page.locator('#team li[data-login="claire.martin"][data-state="disponible"]').waitFor();
  expect(await team.innerText()).toBe('Claire Martin (vous) — disponible');
  expect(await page.locator('input[name="presence"][value="disponible"]').isChecked()).toBe(true);
  expect(describeViolations(serious(await runAxe(page, 'console-presence')))).toBe('');

  await fillRequest(env.app.url, 'e2e-console');
  const queued = await say(env.app.url, 'e2e-console', 'Oui, c’est bien ça');
  expect(JSON.stringify(queued)).toMatch(/1re position/);
  const item = page.locator('#list-waiting li').filter({ hasText: 'VIR-' }).first();
  await item.waitFor();
  expect(await item.innerText()).toMatch(/VIR-/);
  // French ordinal in the queue: « 1re », never « 1e » (no take time measured yet: no estimate).
  expect(await item.innerText()).toMatch(/ — 1re\b/);
  expect(await item.innerText()).not.toMatch(/\b1e\b/);
  await item.locator('button, a').first().click();
  await page.locator('#detail').waitFor();
  await expect(page.locator('#detail-contact').innerText()).resolves.toMatch(/Marie Dupont/);
  await expect(page.locator('#detail-transcript').innerText()).resolves.toMatch(/Parler à un conseiller/);
  expect(describeViolations(serious(await runAxe(page, 'console-detail')))).toBe('');

  await page.locator('#act-take').click();
  await page.locator('#list-active li').first().waitFor();
  await page.locator('#reply-text').fill('Bonjour Marie, je regarde votre projet de vente en ligne.');
  await page.locator('#reply-form button[type="submit"]').click();
  await page.locator('#detail-messages li').filter({ hasText: 'je regarde votre projet' }).waitFor();
  await page.screenshot({ path: screenshotPath('console-conseiller.png'), fullPage: true });

  // The user's next message goes to the advisor, not to the bot; it appears in the console live.
  const relayed = await say(env.app.url, 'e2e-console', 'Merci ! Je vends surtout du pain et des viennoiseries.');
  expect(relayed.filter((a: any) => a.type === 'message')).toHaveLength(0);
  await page.locator('#detail-messages li').filter({ hasText: 'viennoiseries' }).waitFor();

  // The reply box stays in view while the advisor reads the context at the top of the request.
  await page.setViewportSize({ width: 1280, height: 500 });
  await page.locator('#detail-title').focus();
  await page.evaluate(() =>
    window.scrollTo(0, document.getElementById('detail-contact')!.getBoundingClientRect().top + window.scrollY - 10),
  );
  const contactBox = (await page.locator('#detail-contact').boundingBox())!;
  expect(contactBox.y).toBeLessThan(100); // the context is what is on screen…
  const replyBox = (await page.locator('#reply-text').boundingBox())!;
  expect(replyBox.y).toBeGreaterThan(0); // …and the reply box too, without scrolling down
  expect(replyBox.y + replyBox.height).toBeLessThanOrEqual(500);
  // Still reachable and usable with the keyboard from there.
  await page.locator('#reply-text').focus();
  await page.keyboard.type('Je reviens vers vous.');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('#reply-form') !== null)).toBe(true);
  await page.locator('#reply-text').fill('');
  await page.setViewportSize({ width: 1280, height: 1000 });

  // The user ends the exchange: a visible line says so in the exchange.
  await say(env.app.url, 'e2e-console', 'Terminer l’échange');
  const ended = page.locator('#detail-messages li.ended');
  await ended.waitFor();
  expect(await ended.innerText()).toMatch(/^L’usager a mis fin à l’échange — \d\d\/\d\d\/\d{4} \d\d:\d\d\.$/);
  expect(describeViolations(serious(await runAxe(page, 'console-ended')))).toBe('');
  await page.close();
});

it('shows nothing of the queues before login', async () => {
  await env.browser.context.clearCookies(); // logged out
  const page = await env.browser.context.newPage();
  await page.goto(`${env.app.url}/conseiller`);
  await page.locator('#login-id').waitFor();
  await page.waitForLoadState('networkidle');
  expect(await page.locator('#app').isVisible()).toBe(false);
  for (const list of ['waiting', 'active', 'callbacks', 'done']) expect(await page.locator(`#list-${list}`).isVisible()).toBe(false);
  const visible = await page.locator('body').innerText();
  expect(visible).not.toMatch(/Demandes|En attente d’un échange|Aucune demande/);
  await page.close();
});

it('refuses a wrong password with a French message and stays usable with the keyboard', async () => {
  await env.browser.context.clearCookies(); // logged out
  const page = await env.browser.context.newPage();
  await page.goto(`${env.app.url}/conseiller`);
  await page.locator('#login-id').fill('claire.martin');
  await page.locator('#login-password').fill('pas-le-bon-mot-de-passe');
  await page.locator('#login-password').press('Enter');
  await page.locator('#login-error').filter({ hasText: /\S/ }).waitFor();
  expect(await page.locator('#login-error').innerText()).toMatch(/incorrect|invalide|erron/i);
  expect(describeViolations(serious(await runAxe(page, 'console-login')))).toBe('');
  await page.close();
});
