// A seeded data set for the dashboard tests, written through the real stores of a running Virage:
// diagnostics (DiagnosticRecords, with its own clock), handoff requests (the `handoffs` collection),
// knowledge questions and votes (KnowledgeFeedback). The figures it must give are in EXPECTED_GIRONDE.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DiagnosticRecords, type StoredResult, type SubjectDiagnostics } from '../../src/diagnostic/records.js';
import type { DiagnosticResult } from '../../src/diagnostic/result.js';
import type { Answer } from '../../src/diagnostic/types.js';
import { loadDirectory, saveDirectory, upsertAdvisor } from '../../src/handoff/directory.js';
import { hashPassword } from '../../src/handoff/passwords.js';
import { HANDOFFS_COLLECTION } from '../../src/handoff/service.js';
import type { HandoffRequest } from '../../src/handoff/types.js';
import type { Virage } from '../../src/index.js';
import { KnowledgeFeedback } from '../../src/knowledge/feedback.js';
import { projectRoot } from '../../src/paths.js';
import { movableClock, PASSWORD } from '../handoff/helpers.js';

/** The period the tests ask for, and « now » (the app's clock) the day after. */
export const FROM = '2026-11-01';
export const TO = '2026-11-30';
export const NOW = '2026-12-01T10:00:00.000Z';

const base = JSON.parse(
  readFileSync(path.join(projectRoot, 'test', 'fixtures', 'diagnostic', 'result-pme-ecommerce-sans-sauvegarde.json'), 'utf8'),
) as DiagnosticResult;

const SAUVEGARDE = { id: 'sauvegarde', title: 'Mettre en place une sauvegarde automatique hors de vos locaux' };
const FICHE = { id: 'fiche-google', title: 'Créer ou compléter votre fiche d’établissement Google' };

interface Finished {
  dep: string;
  sector?: string;
  overall: number;
  flags: string[];
  priorities: { id: string; title: string }[];
}

/** A real result (fixture) with the profile, scores (every axis = the overall score, IA unscored), flags and priorities given. */
function result(f: Finished, date: string): DiagnosticResult {
  const profile = { ...base.profile, departement: f.dep, region: f.dep === '33' ? '75' : '84' };
  if (f.sector) profile.sector = f.sector;
  else delete profile.sector;
  return {
    ...base,
    date,
    profile,
    overall: f.overall,
    axes: base.axes.map((a) => ({ ...a, score: a.axis === 'ia' ? null : f.overall })),
    redFlags: f.flags.map((id) => ({
      id,
      reason: id === 'score-faible' ? `Votre score global est de ${f.overall}/100 : …` : 'Motif : détail',
      urgent: false,
    })),
    plan: {
      ...base.plan,
      priorities: f.priorities.map((p, i) => ({ ...base.plan.priorities[0]!, rank: i + 1, id: p.id, title: p.title })),
    },
  };
}

const GIRONDE_FINISHED: Finished[] = [
  ...[50, 55, 60, 65, 70, 60].map((overall, i) => ({
    dep: '33',
    sector: 'commerce',
    overall,
    // The same flag twice in one result counts once.
    flags: i === 0 ? ['pas_de_sauvegarde', 'pas_de_sauvegarde'] : ['pas_de_sauvegarde'],
    priorities: i < 3 ? [SAUVEGARDE, FICHE] : [SAUVEGARDE],
  })),
  { dep: '33', sector: 'industrie', overall: 80, flags: ['incident_recent'], priorities: [SAUVEGARDE] },
  { dep: '33', sector: 'industrie', overall: 90, flags: ['incident_recent'], priorities: [] },
  { dep: '33', overall: 20, flags: ['score-faible'], priorities: [] },
];

const location = (dep: string): Answer => ({ type: 'location', departement: dep, region: dep === '33' ? '75' : '84' });

export interface Seeded {
  responsable: string;
  rhoneResponsable: string;
}

/** Seeds the store of a running app (started with the handoff test directory) and sets its clock to NOW. */
export async function seed(virage: Virage, appClock: { set(iso: string): void }, advisorsFile: string): Promise<Seeded> {
  // Roles: a responsable in Gironde, Karim responsable in Rhône; Claire stays a plain advisor.
  const hash = await hashPassword(PASSWORD);
  let dir = loadDirectory(advisorsFile);
  dir = upsertAdvisor(dir, 'cci-exemple-gironde', {
    login: 'sophie.leroy',
    displayName: 'Sophie Leroy',
    firstName: 'Sophie',
    passwordHash: hash,
    role: 'responsable',
  });
  dir = upsertAdvisor(dir, 'cci-exemple-rhone', {
    login: 'karim.benali',
    displayName: 'Karim Benali',
    firstName: 'Karim',
    passwordHash: hash,
    role: 'responsable',
  });
  saveDirectory(advisorsFile, dir);
  virage.handoff.reloadDirectory();

  const clock = movableClock('2026-11-10T09:00:00.000Z');
  const records = new DiagnosticRecords<DiagnosticResult>(
    virage.store.collection<SubjectDiagnostics>('diagnostics'),
    virage.store.collection<StoredResult<DiagnosticResult>>('diagnostic-results'),
    clock.now,
  );
  const finish = async (subject: string, f: Finished, atIso: string) => {
    clock.set(atIso);
    await records.start(subject, base.questionnaireVersion);
    await records.saveAnswer(subject, 'profil_localisation', location(f.dep), 'profil_statut');
    clock.set(new Date(Date.parse(atIso) + 15 * 60_000).toISOString());
    await records.complete(subject, result(f, clock.now().toISOString()));
  };
  let n = 0;
  for (const f of GIRONDE_FINISHED) await finish(`dash-g-${n++}`, f, `2026-11-${String(10 + n).padStart(2, '0')}T09:00:00.000Z`);
  for (let i = 0; i < 5; i++)
    await finish(
      `dash-r-${i}`,
      { dep: '69', sector: 'commerce', overall: 40, flags: ['incident_en_cours'], priorities: [] },
      '2026-11-12T09:00:00.000Z',
    );
  // Before the period: not counted.
  for (let i = 0; i < 2; i++) await finish(`dash-old-${i}`, GIRONDE_FINISHED[0]!, '2026-10-15T09:00:00.000Z');

  // Unfinished diagnostics: 6 stopped at the backups, 1 at the website, 1 still going, 1 without département.
  const unfinished = async (subject: string, dep: string | undefined, question: string, startIso: string, lastIso: string) => {
    clock.set(startIso);
    await records.start(subject, base.questionnaireVersion);
    clock.set(lastIso);
    if (dep) await records.saveAnswer(subject, 'profil_localisation', location(dep), question);
    else await records.saveAnswer(subject, 'profil_effectif', { type: 'size', value: '1-4' }, question);
  };
  for (let i = 0; i < 6; i++)
    await unfinished(`dash-stop-${i}`, '33', 'cyber_sauvegarde', '2026-11-20T09:00:00.000Z', '2026-11-20T09:10:00.000Z');
  await unfinished('dash-stop-site', '33', 'presence_site', '2026-11-21T09:00:00.000Z', '2026-11-21T09:05:00.000Z');
  await unfinished('dash-going', '33', 'vente_en_ligne', '2026-11-30T22:30:00.000Z', '2026-12-01T09:50:00.000Z');
  await unfinished('dash-nodep', undefined, 'profil_secteur', '2026-11-20T09:00:00.000Z', '2026-11-20T09:01:00.000Z');

  // Handoff requests (Monday 23 November, 10:00 in Paris): 7 live (6 taken after 1, 2, 3, 4, 5, 10 min),
  // 3 callbacks (2 taken after 2 h), 1 in Rhône; 5 ratings.
  const handoffs = virage.store.collection<HandoffRequest>(HANDOFFS_COLLECTION);
  const created = Date.parse('2026-11-23T09:00:00.000Z');
  const request = (i: number, cciId: string, kind: 'live' | 'callback', takenAfterMin?: number, rating?: number): HandoffRequest => ({
    id: `dash-h-${i}`,
    reference: `VIR-DSH${i}`,
    subject: `dash-h-subject-${i}`,
    channelId: 'webchat',
    conversation: null,
    cciId,
    kind,
    status: takenAfterMin === undefined ? (kind === 'live' ? 'clos' : 'rappel') : 'clos',
    contact: { name: 'Jean Dupont', email: 'jean.dupont@example.fr' },
    departement: cciId === 'cci-exemple-rhone' ? '69' : '33',
    reason: 'Je voudrais vendre en ligne',
    consentAt: new Date(created).toISOString(),
    context: { transcript: [], profile: {} },
    createdAt: new Date(created).toISOString(),
    updatedAt: new Date(created).toISOString(),
    ...(takenAfterMin !== undefined ? { takenAt: new Date(created + takenAfterMin * 60_000).toISOString() } : {}),
    ...(rating ? { rating } : {}),
    messages: [],
    notes: [],
  });
  const live = [1, 2, 3, 4, 5, 10];
  const ratings = [5, 5, 4, 4, 3];
  for (let i = 0; i < 6; i++) await handoffs.put(`dash-h-${i}`, request(i, 'cci-exemple-gironde', 'live', live[i], ratings[i]));
  await handoffs.put('dash-h-6', request(6, 'cci-exemple-gironde', 'live'));
  await handoffs.put('dash-h-7', request(7, 'cci-exemple-gironde', 'callback', 120));
  await handoffs.put('dash-h-8', request(8, 'cci-exemple-gironde', 'callback', 125));
  await handoffs.put('dash-h-9', request(9, 'cci-exemple-gironde', 'callback'));
  await handoffs.put('dash-h-10', request(10, 'cci-exemple-rhone', 'live', 1, 1));

  // Knowledge: questions (all CCIs) and votes.
  const feedback = new KnowledgeFeedback(virage.store);
  for (let i = 0; i < 6; i++)
    await feedback.logQuestion(
      {
        query: 'Comment recevoir une facture électronique',
        answered: false,
        bestGuide: null,
        bestConfidence: 0.2,
        subject: `dash-kb-${i}`,
      },
      new Date('2026-11-05T10:00:00Z'),
    );
  for (let i = 0; i < 7; i++)
    await feedback.logQuestion(
      { query: 'Je suis Jean Dupont et je veux un site', answered: false, bestGuide: null, bestConfidence: 0.2, subject: 'dash-kb-jean' },
      new Date('2026-11-06T10:00:00Z'),
    );
  for (let i = 0; i < 2; i++)
    await feedback.logQuestion(
      { query: 'Prix d’un site marchand', answered: true, bestGuide: 'site-vitrine', bestConfidence: 0.4 },
      new Date('2026-11-07T10:00:00Z'),
    );
  for (let i = 0; i < 5; i++)
    await feedback.logQuestion(
      { query: 'Aide pour former mes salariés', answered: true, bestGuide: 'formation', bestConfidence: 0.4 },
      new Date('2026-11-08T10:00:00Z'),
    );
  for (let i = 0; i < 8; i++)
    await feedback.logQuestion(
      { query: 'Question de septembre', answered: false, bestGuide: null, bestConfidence: 0.1 },
      new Date('2026-09-08T10:00:00Z'),
    );
  for (let i = 0; i < 6; i++) await feedback.vote({ guideId: 'site-vitrine', vote: 'up' }, new Date('2026-11-09T10:00:00Z'));
  for (let i = 0; i < 2; i++) await feedback.vote({ guideId: 'site-vitrine', vote: 'down' }, new Date('2026-11-09T10:00:00Z'));
  for (let i = 0; i < 3; i++) await feedback.vote({ guideId: 'site-vitrine', vote: 'up' }, new Date('2026-10-09T10:00:00Z'));

  appClock.set(NOW);
  return { responsable: 'sophie.leroy', rhoneResponsable: 'karim.benali' };
}

const S = '< 5';
/** What the Gironde responsable must see for FROM–TO (the JSON of /api/conseiller/tableau-de-bord). */
export const EXPECTED_GIRONDE = {
  cci: { id: 'cci-exemple-gironde', name: 'CCI Exemple Gironde' },
  period: { from: FROM, to: TO, label: 'du 1er novembre 2026 au 30 novembre 2026' },
  smallCellThreshold: 5,
  diagnostics: { started: 17, finished: 9, completionRate: 53 },
  stops: [
    { id: 'cyber_sauvegarde', label: 'Sauvegardes', count: 6 },
    { id: 'presence_site', label: 'Site internet', count: S },
  ],
  scoreBands: ['0 à 24', '25 à 49', '50 à 74', '75 à 100'],
  bySector: [
    { id: 'commerce', label: 'Commerce de détail (hors alimentaire)', finished: 6, meanOverall: 60 },
    { id: 'industrie', label: 'Industrie et fabrication', finished: S, meanOverall: null },
    { id: 'non-precise', label: 'Non précisé', finished: S, meanOverall: null },
  ],
  byDepartement: [{ id: '33', label: '33 — Gironde', finished: 9, meanOverall: 61 }],
  redFlags: [
    { id: 'pas_de_sauvegarde', label: 'Aucune sauvegarde hors de vos locaux', count: 6 },
    { id: 'score-faible', label: 'Score global faible (moins de 26/100)', count: S },
    { id: 'incident_recent', label: 'Un incident de sécurité ces 12 derniers mois', count: S },
  ],
  priorities: [
    { id: SAUVEGARDE.id, label: SAUVEGARDE.title, count: 7 },
    { id: FICHE.id, label: FICHE.title, count: S },
  ],
  handoffs: {
    live: 7,
    callback: S,
    liveShare: null,
    take: { live: { taken: 6, p50Minutes: 3, p90Minutes: 10 }, callback: { taken: S, p50Minutes: null, p90Minutes: null } },
  },
  ratings: { counts: [S, S, S, S, S], rated: 5, mean: 4.2 },
  knowledge: {
    questions: [
      { text: 'Comment recevoir une facture électronique', kind: 'sans réponse', count: 6 },
      { text: 'Aide pour former mes salariés', kind: 'réponse peu sûre', count: 5 },
    ],
    otherQuestions: { questions: S, asked: 9 },
    votes: { up: 6, down: S, upShare: null },
  },
};

/** The axes part: six scored axes (9 scores: 20, 50–70 ×6, 80, 90), IA never scored. */
export function expectedAxes(labels: { axis: string; label: string }[]) {
  return labels.map(({ axis, label }) =>
    axis === 'ia' ? { axis, label, bands: [S, S, S, S], scored: S, mean: null } : { axis, label, bands: [S, S, 6, S], scored: 9, mean: 61 },
  );
}
