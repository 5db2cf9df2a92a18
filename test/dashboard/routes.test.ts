// The dashboard over HTTP on a real Virage with a seeded store: access (no session, plain advisor,
// responsable of another CCI), the JSON and CSV figures exactly as seeded with small cells suppressed,
// the page's tables and charts, bad periods.
import path from 'node:path';
import { startApp, PASSWORD, type App } from '../dialogs/handoff/helpers.js';
import { loadQuestionnaire } from '../../src/diagnostic/questionnaire.js';
import { EXPECTED_GIRONDE, expectedAxes, FROM, seed, TO } from './seed.js';

let app: App;
const period = `du=${FROM}&au=${TO}`;

beforeAll(async () => {
  app = await startApp('2026-11-01T09:00:00.000Z');
  await seed(app.virage, app.clock, path.join(app.dataDir, 'conseillers.json'));
});
afterAll(async () => app?.stop());

async function login(loginName: string): Promise<string> {
  const res = await fetch(`${app.url}/api/conseiller/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: loginName, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  expect((await res.json()).role).toBe(loginName === 'claire.martin' ? 'conseiller' : 'responsable');
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
const get = (p: string, cookie?: string, accept = 'text/html') =>
  fetch(`${app.url}${p}`, { redirect: 'manual', headers: { Accept: accept, ...(cookie ? { Cookie: cookie } : {}) } });

describe('access', () => {
  it('sends a visitor without session to the login, and refuses the data with 401', async () => {
    const page = await get('/conseiller/tableau-de-bord');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/conseiller?retour=tableau-de-bord');
    for (const p of [`/api/conseiller/tableau-de-bord?${period}`, `/conseiller/tableau-de-bord.csv?${period}`]) {
      const res = await get(p, undefined, 'application/json');
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('Unauthorized');
    }
    const forged = await get(`/api/conseiller/tableau-de-bord?${period}`, 'virage_conseiller=' + 'A'.repeat(43), 'application/json');
    expect(forged.status).toBe(401);
  });

  it('gives a plain advisor a clear 403 page and JSON', async () => {
    const cookie = await login('claire.martin');
    const page = await get('/conseiller/tableau-de-bord', cookie);
    expect(page.status).toBe(403);
    const html = await page.text();
    expect(html).toMatch(/Accès réservé aux responsables/);
    expect(html).not.toMatch(/Commencés/);
    for (const p of [`/api/conseiller/tableau-de-bord?${period}`, `/conseiller/tableau-de-bord.csv?${period}`]) {
      const res = await get(p, cookie, 'application/json');
      expect(res.status).toBe(403);
      expect((await res.json()).error.message).toMatch(/réservé aux comptes « responsable »/);
    }
  });

  it('shows a responsable the figures of their own CCI only', async () => {
    const rhone = await (await get(`/api/conseiller/tableau-de-bord?${period}`, await login('karim.benali'), 'application/json')).json();
    expect(rhone.cci.id).toBe('cci-exemple-rhone');
    // 100 % would tell that no diagnostic was left unfinished (a cell of 0): masked too.
    expect(rhone.diagnostics).toEqual({ started: 5, finished: 5, completionRate: null });
    expect(rhone.redFlags).toEqual([{ id: 'incident_en_cours', label: 'Incident de sécurité en cours', count: 5 }]);
    expect(rhone.handoffs.live).toBe('< 5');
  });
});

describe('figures of the seeded data set (Gironde)', () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await login('sophie.leroy');
  });

  it('JSON: exactly the seeded figures, small cells suppressed', async () => {
    const res = await get(`/api/conseiller/tableau-de-bord?${period}`, cookie, 'application/json');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    const { axes, ...rest } = body;
    expect(rest).toEqual(EXPECTED_GIRONDE);
    expect(axes).toEqual(expectedAxes(loadQuestionnaire().axes.map((a) => ({ axis: a.id, label: a.label }))));
    // No personal data: no name, e-mail, subject or question asked by one person only.
    const text = JSON.stringify(body);
    for (const personal of ['Jean Dupont', 'jean.dupont', 'dash-', 'VIR-']) expect(text).not.toContain(personal);
  });

  it('CSV: UTF-8 with BOM, « ; », decimal comma, the same figures, no count under 5', async () => {
    const res = await get(`/conseiller/tableau-de-bord.csv?${period}`, cookie, 'text/csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="virage-cci-exemple-gironde-${FROM}-${TO}.csv"`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('Rubrique;Libellé;Mesure;Valeur');
    for (const line of [
      'Périmètre;CCI;nom;CCI Exemple Gironde',
      'Diagnostics;Commencés;nombre;17',
      'Diagnostics;Terminés;nombre;9',
      'Diagnostics;Taux de diagnostics terminés;%;53',
      'Question où le diagnostic s’arrête;Sauvegardes;diagnostics arrêtés;6',
      'Question où le diagnostic s’arrête;Site internet;diagnostics arrêtés;< 5',
      'Score par axe;Cybersécurité et RGPD;score de 50 à 74;6',
      'Score par axe;Cybersécurité et RGPD;score de 0 à 24;< 5',
      'Score par axe;IA, automatisation et numérique responsable;score moyen /100;masqué',
      'Par secteur;Industrie et fabrication;score global moyen /100;masqué',
      'Par département;33 — Gironde;score global moyen /100;61',
      'Mises en relation;Rappel;demandes;< 5',
      'Mises en relation;Part en direct;%;masqué',
      'Délai de prise en charge;En direct;p90, minutes;10',
      'Notes des échanges;Moyenne;sur 5;4,2',
      'Questions sans bonne réponse (toutes CCI);Autres questions;fois posées;9',
    ])
      expect(lines).toContain(line);
    // Every count shown is 5 or more (means, shares, times and the period are not counts).
    const notCounts = /%|\/100|minutes|sur 5|seuil|^du$|^au$|^nom$/;
    for (const line of lines.slice(1)) {
      const [, , measure, value] = line.split(';');
      if (/^\d+$/.test(value!) && !notCounts.test(measure!)) expect(Number(value)).toBeGreaterThanOrEqual(5);
    }
    expect(bytes.toString('utf8')).not.toMatch(/Jean Dupont/);
  });

  it('page: the period in French, a chart and a table per figure, no script', async () => {
    const res = await get(`/conseiller/tableau-de-bord?${period}`, cookie);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).not.toMatch(/unsafe-inline|script-src/);
    const html = await res.text();
    expect(html).toContain('du 1er novembre 2026 au 30 novembre 2026');
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/<img src="data:image\/svg\+xml;base64,/g)!.length).toBe(10);
    expect(html.match(/<table>/g)!.length).toBe(12);
    expect(html).toContain('<tr><th scope="row">Sauvegardes</th><td class="num">6</td></tr>');
    expect(html).toContain('<tr><th scope="row">Site internet</th><td class="num">&lt; 5</td></tr>');
    expect(html).toContain(
      '<tr><th scope="row">En direct</th><td class="num">6</td><td class="num">3 min</td><td class="num">10 min</td></tr>',
    );
    expect(html).toContain(`href="/conseiller/tableau-de-bord.csv?du=${FROM}&amp;au=${TO}"`);
    expect(html).not.toMatch(/Jean Dupont/);
    // The charts say « < 5 » where the tables do, never the hidden count.
    const svgs = [...html.matchAll(/base64,([A-Za-z0-9+/=]+)"/g)].map((m) => Buffer.from(m[1]!, 'base64').toString('utf8'));
    const stops = svgs.find((s) => s.includes('Site internet'))!;
    expect(stops).toContain('&lt; 5');
    const emptyBar = /<path d="([^"]+)"[^>]*ecmeta_data_index="1"/.exec(stops)!;
    expect(emptyBar[1]).toMatch(/^M[\d.]+ [\d.]+l0 0l0 [\d.]+l0 0Z$/); // no width: the hidden count is not drawn
  });

  it('defaults to the last 30 days, and refuses bad periods in French', async () => {
    const page = await (await get('/conseiller/tableau-de-bord', cookie)).text();
    expect(page).toContain('du 2 novembre 2026 au 1er décembre 2026');
    const bad = await get('/api/conseiller/tableau-de-bord?du=2026-11-31&au=2026-12-01', cookie, 'application/json');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^Date de début invalide/);
    const reversed = await get('/api/conseiller/tableau-de-bord?du=2026-11-30&au=2026-11-01', cookie, 'application/json');
    expect((await reversed.json()).error.message).toMatch(/inversez/);
    const html = await get('/conseiller/tableau-de-bord?du=%3Cscript%3E&au=2026-11-30', cookie);
    expect(html.status).toBe(400);
    const text = await html.text();
    expect(text).toMatch(/role="alert">Date de début invalide/);
    expect(text).not.toContain('<script>');
  });
});
