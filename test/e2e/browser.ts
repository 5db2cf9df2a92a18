// Shared pieces of the browser tests: Debian's Chromium driven by playwright-core (no browser download),
// axe-core injected from node_modules, screenshots under test-output/screenshots/.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { projectRoot } from '../../src/paths.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(projectRoot, 'test-output', 'screenshots');

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh persistent context (own user-data dir). Throws a clear message when Chromium is missing. */
export async function launch(options: { width?: number; height?: number } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium est introuvable (${CHROMIUM}) : les tests navigateur ne peuvent pas tourner. ` +
        'Installez-le avec « apt-get install -y chromium » (la CI le fait), ou indiquez CHROMIUM_PATH.',
    );
  }
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'virage-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: options.width ?? 1280, height: options.height ?? 860 },
    locale: 'fr-FR',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, name);
}

const axeSource = () => readFileSync(path.join(projectRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; html: string }[];
}

/**
 * Runs axe-core in the page and in its frames (axe's own frame support: the script is injected into
 * every frame first). Returns all violations; callers fail on serious and critical ones.
 */
export async function runAxe(page: Page, report?: string): Promise<AxeViolation[]> {
  const source = axeSource();
  for (const frame of page.frames()) await injectAxe(frame, source);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'], iframes: true });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 200) })),
    }));
  });
  if (report) {
    // Every finding, minor ones included, for people to read (the tests fail on serious and critical).
    const dir = path.join(projectRoot, 'test-output', 'axe');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${report}.json`), JSON.stringify(violations, null, 2));
  }
  return violations;
}

async function injectAxe(frame: Frame, source: string): Promise<void> {
  await frame.evaluate(source);
}

export function serious(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.html}`).join('\n  ')}`)
    .join('\n');
}

/**
 * The usual fixture of a browser test file: a running app and a browser, started before the tests and
 * closed after them. Read `env.app` and `env.browser` inside the tests.
 */
export function appAndBrowser<A extends { stop(): Promise<void> }>(
  start: () => Promise<A>,
  options: { width?: number; height?: number } = {},
): { app: A; browser: Browser } {
  const env = {} as { app: A; browser: Browser };
  beforeAll(async () => {
    env.app = await start();
    env.browser = await launch(options);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.app?.stop();
  });
  return env;
}
