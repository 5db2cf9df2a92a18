// The dashboard page (HTML, no script): the period form, then one section per figure, each with its
// chart (an SVG image from charts.ts, as a data: URL) and an accessible table of the same figures
// (caption, column and row headers). Everything is escaped; the CSP allows no inline script or style.
import { dashboardCharts, renderBarSvg } from './charts.js';
import { MASKED, SMALL_CELL, SUPPRESSED, type Count, type DashboardView, type GroupRow, type Row, type TakeTime } from './view.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
export const count = (v: Count): string => (v === SUPPRESSED ? SUPPRESSED : NUMBER.format(v));
const derived = (v: number | null, unit = ''): string => (v === null ? MASKED : `${NUMBER.format(v)}${unit}`);
const percent = (v: number | null) => derived(v, ' %');
const score = (v: number | null) => derived(v, '/100');

/** « 4,5 min », « 2 h 05 », « 3 j 4 h ». */
export function duration(minutes: number | null): string {
  if (minutes === null) return MASKED;
  if (minutes < 60) return `${NUMBER.format(minutes)} min`;
  const total = Math.round(minutes);
  if (total < 24 * 60) return `${Math.floor(total / 60)} h ${String(total % 60).padStart(2, '0')}`;
  return `${Math.floor(total / 1440)} j ${Math.round((total % 1440) / 60)} h`;
}

function table(caption: string, head: string[], body: string[][]): string {
  const th = head.map((h, i) => `<th scope="col"${i ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('');
  const rows = body.length
    ? body
        .map(
          (r) =>
            `<tr><th scope="row">${escapeHtml(r[0]!)}</th>${r
              .slice(1)
              .map((c) => `<td class="num">${escapeHtml(c)}</td>`)
              .join('')}</tr>`,
        )
        .join('\n')
    : `<tr><td colspan="${head.length}">Aucune donnée sur la période.</td></tr>`;
  return `<table><caption>${escapeHtml(caption)}</caption>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${rows}\n</tbody></table>`;
}

function chart(svg: string | undefined, title: string): string {
  if (!svg) return '';
  const size = /<svg width="(\d+)" height="(\d+)"/.exec(svg);
  const dims = size ? ` width="${size[1]}" height="${size[2]}"` : '';
  const alt = `Graphique en barres : ${title}. Les chiffres sont dans le tableau qui suit.`;
  return `<figure><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" alt="${escapeHtml(alt)}"${dims}></figure>`;
}

interface Section {
  id: string;
  title: string;
  intro?: string;
  body: string;
}

const rowsTable = (caption: string, what: string, list: Row[]) =>
  table(
    caption,
    ['Libellé', what],
    list.map((r) => [r.label, count(r.count)]),
  );
const groupTable = (caption: string, first: string, list: GroupRow[]) =>
  table(
    caption,
    [first, 'Diagnostics terminés', 'Score global moyen'],
    list.map((g) => [g.label, count(g.finished), score(g.meanOverall)]),
  );
const takeRow = (label: string, t: TakeTime) => [label, count(t.taken), duration(t.p50Minutes), duration(t.p90Minutes)];

function sections(v: DashboardView): Section[] {
  const charts = dashboardCharts(v);
  const svg = (id: string) => (charts.has(id) ? renderBarSvg(charts.get(id)!) : undefined);
  const k = v.knowledge;
  const list: (Omit<Section, 'body'> & { chart?: string; table: string })[] = [
    {
      id: 'diagnostics',
      title: 'Diagnostics commencés et terminés',
      chart: 'diagnostics',
      table: table(
        'Diagnostics de la période',
        ['Diagnostics', 'Nombre'],
        [
          ['Commencés', count(v.diagnostics.started)],
          ['Terminés', count(v.diagnostics.finished)],
          ['Part des diagnostics terminés', percent(v.diagnostics.completionRate)],
        ],
      ),
    },
    {
      id: 'arrets',
      title: 'Questions où le diagnostic s’arrête',
      chart: 'arrets',
      intro:
        'Diagnostics commencés sur la période, non terminés et sans réponse depuis une heure : la question où la personne s’est arrêtée.',
      table: rowsTable('Diagnostics arrêtés, par question', 'Diagnostics arrêtés', v.stops),
    },
    {
      id: 'axes',
      title: 'Répartition des scores par axe',
      chart: 'axes',
      intro: 'Diagnostics terminés sur la période, selon leur score sur chaque axe (sur 100).',
      table: table(
        'Diagnostics terminés par tranche de score, pour chaque axe',
        ['Axe', ...v.scoreBands.map((b) => `Score de ${b}`), 'Score moyen'],
        v.axes.map((a) => [a.label, ...a.bands.map(count), score(a.mean)]),
      ),
    },
    {
      id: 'secteurs',
      title: 'Scores par secteur',
      chart: 'secteurs',
      table: groupTable('Diagnostics terminés et score global moyen, par secteur', 'Secteur', v.bySector),
    },
    {
      id: 'departements',
      title: 'Scores par département',
      chart: 'departements',
      table: groupTable('Diagnostics terminés et score global moyen, par département', 'Département', v.byDepartement),
    },
    {
      id: 'alertes',
      title: 'Signaux d’alerte les plus fréquents',
      chart: 'alertes',
      table: rowsTable('Signaux d’alerte des diagnostics terminés', 'Diagnostics concernés', v.redFlags),
    },
    {
      id: 'priorites',
      title: 'Priorités les plus proposées',
      chart: 'priorites',
      table: rowsTable('Priorités des plans d’action des diagnostics terminés', 'Diagnostics concernés', v.priorities),
    },
    {
      id: 'mises-en-relation',
      title: 'Mises en relation : en direct ou rappel',
      chart: 'mises-en-relation',
      table: table(
        'Demandes de mise en relation de la période',
        ['Mode', 'Demandes'],
        [
          ['En direct', count(v.handoffs.live)],
          ['Rappel', count(v.handoffs.callback)],
          ['Part en direct', percent(v.handoffs.liveShare)],
        ],
      ),
    },
    {
      id: 'delais',
      title: 'Délai de prise en charge',
      chart: 'delais',
      intro:
        'Du dépôt de la demande à sa prise en charge par un conseiller : médiane (p50) et délai sous lequel 9 demandes sur 10 sont prises (p90).',
      table: table(
        'Délai de prise en charge des demandes',
        ['Mode', 'Demandes prises en charge', 'Médiane (p50)', 'p90'],
        [takeRow('En direct', v.handoffs.take.live), takeRow('Rappel', v.handoffs.take.callback)],
      ),
    },
    {
      id: 'notes',
      title: 'Notes données aux échanges',
      chart: 'notes',
      table: table(
        'Notes des échanges avec un conseiller (1 à 5 étoiles)',
        ['Note', 'Échanges'],
        [
          ...v.ratings.counts.map((c, i) => [`${i + 1} étoile${i ? 's' : ''}`, count(c)]),
          ['Échanges notés', count(v.ratings.rated)],
          ['Note moyenne', derived(v.ratings.mean, ' / 5')],
        ],
      ),
    },
    {
      id: 'questions',
      title: 'Questions auxquelles les guides répondent mal',
      intro:
        'Toutes CCI confondues (les guides sont communs). Nombre de fois qu’une question a été posée depuis la première fois ; le texte n’est affiché que pour les questions posées au moins 5 fois (par 5 personnes au moins quand on les connaît).',
      table:
        table(
          'Questions les plus posées sans bonne réponse',
          ['Question', 'Type', 'Fois posée'],
          [
            ...k.questions.map((q) => [q.text, q.kind, count(q.count)]),
            ['Autres questions (texte non affiché)', `${count(k.otherQuestions.questions)} questions`, count(k.otherQuestions.asked)],
          ],
        ) +
        table(
          'Avis 👍/👎 sur les réponses de Virage (toutes CCI)',
          ['Avis', 'Nombre'],
          [
            ['Utile', count(k.votes.up)],
            ['Pas utile', count(k.votes.down)],
            ['Part d’avis utiles', percent(k.votes.upShare)],
          ],
        ),
    },
  ];
  return list.map((s) => ({
    id: s.id,
    title: s.title,
    ...(s.intro ? { intro: s.intro } : {}),
    body: chart(s.chart ? svg(s.chart) : undefined, s.title) + '\n' + s.table,
  }));
}

export interface PageInput {
  view?: DashboardView;
  /** Values of the form (kept as typed when they were refused). */
  from: string;
  to: string;
  problem?: string;
  title: string;
}

export function dashboardPage(input: PageInput): string {
  const { view } = input;
  const q = `du=${encodeURIComponent(input.from)}&au=${encodeURIComponent(input.to)}`;
  const list = view ? sections(view) : [];
  const heading = view ? `Tableau de bord — ${view.cci.name}` : 'Tableau de bord';
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(heading)} — ${escapeHtml(input.title)}</title>
<link rel="stylesheet" href="/conseiller/tableau-de-bord.css">
</head>
<body>
<a class="skip" href="#contenu">Aller au contenu</a>
<header><p class="brand">${escapeHtml(input.title)} — espace CCI</p><nav aria-label="Espace conseiller"><a href="/conseiller">Console conseiller</a></nav></header>
<main id="contenu" tabindex="-1">
<h1>${escapeHtml(heading)}</h1>
${view ? `<p class="lead">Période : ${escapeHtml(view.period.label)}. Chiffres agrégés, sans donnée personnelle : un effectif de moins de ${SMALL_CELL} est affiché « ${SUPPRESSED} », et une moyenne, une part ou un délai calculé sur moins de ${SMALL_CELL} cas est « ${MASKED} ».</p>` : ''}
<form class="period" method="get" action="/conseiller/tableau-de-bord">
<fieldset><legend>Période (dates incluses)</legend>
<div><label for="du">Du</label> <input type="date" id="du" name="du" value="${escapeHtml(input.from)}" required></div>
<div><label for="au">Au</label> <input type="date" id="au" name="au" value="${escapeHtml(input.to)}" required></div>
<button type="submit">Afficher</button>
</fieldset>
</form>
${input.problem ? `<p class="error" role="alert">${escapeHtml(input.problem)}</p>` : ''}
${
  view
    ? `<p><a class="csv" href="/conseiller/tableau-de-bord.csv?${escapeHtml(q)}" download>Télécharger ces chiffres (CSV pour Excel)</a></p>
<nav aria-label="Sommaire du tableau de bord"><h2 class="toc">Sommaire</h2><ul>
${list.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`).join('\n')}
</ul></nav>
${list
  .map(
    (s) => `<section id="${s.id}" aria-labelledby="h-${s.id}">
<h2 id="h-${s.id}">${escapeHtml(s.title)}</h2>
${s.intro ? `<p>${escapeHtml(s.intro)}</p>\n` : ''}${s.body}
</section>`,
  )
  .join('\n')}`
    : ''
}
</main>
</body>
</html>
`;
}

/** The page a plain advisor gets (403). */
export function forbiddenPage(title: string): string {
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Accès réservé — ${escapeHtml(title)}</title><link rel="stylesheet" href="/conseiller/tableau-de-bord.css"></head>
<body><main id="contenu">
<h1>Accès réservé aux responsables</h1>
<p>Le tableau de bord de la CCI est réservé aux comptes « responsable ». Votre compte est un compte conseiller : demandez à la personne qui gère les comptes de Virage de vous donner ce rôle (<code>npm run advisor:add -- … --role responsable</code>).</p>
<p><a href="/conseiller">Revenir à la console conseiller</a></p>
</main></body>
</html>
`;
}
