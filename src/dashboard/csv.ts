// The dashboard's figures as CSV for Excel in French: UTF-8 with a byte-order mark (or Excel reads
// the accents as Latin-1), « ; » between fields and a decimal comma (what French Excel expects),
// CRLF line ends, one figure per line: Rubrique;Libellé;Mesure;Valeur. The same suppressed figures as
// the page: « < 5 » for a small count, « masqué » for a mean, share or time computed from one.
import { MASKED, type Count, type DashboardView, type GroupRow, type Row, type TakeTime } from './view.js';

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

function field(value: string): string {
  // Formula injection: a text starting with = + - @ is read by Excel as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const cell = (v: Count | number | null): string => (v === null ? MASKED : typeof v === 'number' ? String(v).replace('.', ',') : v);

export function dashboardCsv(v: DashboardView): string {
  const lines: string[][] = [['Rubrique', 'Libellé', 'Mesure', 'Valeur']];
  const add = (section: string, label: string, measure: string, value: Count | number | null | string) =>
    lines.push([section, label, measure, typeof value === 'string' && value !== '< 5' ? value : cell(value as Count | number | null)]);
  add('Périmètre', 'CCI', 'nom', v.cci.name);
  add('Périmètre', 'Période', 'du', v.period.from);
  add('Périmètre', 'Période', 'au', v.period.to);
  add('Périmètre', 'Petits effectifs', 'seuil (moins de … : « < 5 »)', v.smallCellThreshold);
  add('Diagnostics', 'Commencés', 'nombre', v.diagnostics.started);
  add('Diagnostics', 'Terminés', 'nombre', v.diagnostics.finished);
  add('Diagnostics', 'Taux de diagnostics terminés', '%', v.diagnostics.completionRate);
  const rows = (section: string, list: Row[], measure: string) => list.forEach((r) => add(section, r.label, measure, r.count));
  rows('Question où le diagnostic s’arrête', v.stops, 'diagnostics arrêtés');
  for (const a of v.axes) {
    v.scoreBands.forEach((band, i) => add('Score par axe', a.label, `score de ${band}`, a.bands[i]!));
    add('Score par axe', a.label, 'score moyen /100', a.mean);
  }
  const groups = (section: string, list: GroupRow[]) =>
    list.forEach((g) => {
      add(section, g.label, 'diagnostics terminés', g.finished);
      add(section, g.label, 'score global moyen /100', g.meanOverall);
    });
  groups('Par secteur', v.bySector);
  groups('Par département', v.byDepartement);
  rows('Signaux d’alerte', v.redFlags, 'diagnostics concernés');
  rows('Priorités proposées', v.priorities, 'diagnostics concernés');
  add('Mises en relation', 'En direct', 'demandes', v.handoffs.live);
  add('Mises en relation', 'Rappel', 'demandes', v.handoffs.callback);
  add('Mises en relation', 'Part en direct', '%', v.handoffs.liveShare);
  const take = (label: string, t: TakeTime) => {
    add('Délai de prise en charge', label, 'demandes prises en charge', t.taken);
    add('Délai de prise en charge', label, 'médiane (p50), minutes', t.p50Minutes);
    add('Délai de prise en charge', label, 'p90, minutes', t.p90Minutes);
  };
  take('En direct', v.handoffs.take.live);
  take('Rappel', v.handoffs.take.callback);
  v.ratings.counts.forEach((c, i) => add('Notes des échanges', `${i + 1} étoile${i ? 's' : ''}`, 'échanges', c));
  add('Notes des échanges', 'Moyenne', 'sur 5', v.ratings.mean);
  for (const q of v.knowledge.questions) add('Questions sans bonne réponse (toutes CCI)', q.text, `${q.kind}, fois posée`, q.count);
  add('Questions sans bonne réponse (toutes CCI)', 'Autres questions', 'questions', v.knowledge.otherQuestions.questions);
  add('Questions sans bonne réponse (toutes CCI)', 'Autres questions', 'fois posées', v.knowledge.otherQuestions.asked);
  add('Avis sur les réponses (toutes CCI)', 'Utile (👍)', 'avis', v.knowledge.votes.up);
  add('Avis sur les réponses (toutes CCI)', 'Pas utile (👎)', 'avis', v.knowledge.votes.down);
  add('Avis sur les réponses (toutes CCI)', 'Part d’avis utiles', '%', v.knowledge.votes.upShare);
  return CSV_BOM + lines.map((l) => l.map(field).join(CSV_SEPARATOR)).join('\r\n') + '\r\n';
}
