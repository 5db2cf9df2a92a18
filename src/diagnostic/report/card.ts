// The result card (Adaptive Card 1.5, plain JSON: the dialog wraps it in an attachment). Built from
// elements that render the same in Teams and Web Chat: score bars are text (« ██████░░░░ 62/100 ») in a
// FactSet, because coloured Column backgrounds and weighted widths render unevenly in Teams (desktop vs
// mobile). The chart is an Image by URL with its text alternative.
import { radarAltText, radarScoresOf } from './radar-data.js';
import { aidLine } from './aids-view.js';
import { progressCardItems, progressTextLines } from './progress-view.js';
import { CARD_VERSION } from './card-schema.js';
import { DISCLAIMER, scoreText, toReportView, type DiagnosticResult, type PriorityView, type ReportView } from './view.js';

export interface ReportLinks {
  /** Absolute URL of the radar PNG (GET /diagnostic/<id>/radar.png). */
  chartUrl: string;
  /** Absolute URL of the PDF report (GET /diagnostic/<id>/rapport.pdf). */
  pdfUrl: string;
  /** Absolute URL of a guide, from its slug. */
  guideUrl(slug: string): string;
}

export const HANDOFF_TEXT = 'Parler à un conseiller';
/** What the « Parler à un conseiller » button sends (Web Chat: value; Teams: the imBack text). */
export const HANDOFF_DATA = { action: 'handoff', reason: 'diagnostic' } as const;

type Json = Record<string, unknown>;

/** « ██████░░░░ » for 62 (one cell per 10 points, rounded). */
export function textBar(score: number | null, cells = 10): string {
  const full = score === null ? 0 : Math.round((Math.min(100, Math.max(0, score)) / 100) * cells);
  return '█'.repeat(full) + '░'.repeat(cells - full);
}

const text = (t: string, extra: Json = {}): Json => ({ type: 'TextBlock', text: t, wrap: true, ...extra });

function header(view: ReportView): Json[] {
  const score = view.overall === null ? '' : ` · ${view.overall}/100`;
  return [
    text('Votre diagnostic numérique', { size: 'Large', weight: 'Bolder' }),
    text(`Niveau « ${view.levelLabel} »${score}`, { size: 'Medium', weight: 'Bolder', color: 'Accent', spacing: 'Small' }),
    text(view.levelDescription, { spacing: 'Small' }),
    text(`${view.badgeReached ? '✅' : '◻️'} ${view.badgeLine}`, { spacing: 'Small', isSubtle: !view.badgeReached }),
  ];
}

function chartAndBars(view: ReportView, chartUrl: string): Json[] {
  return [
    {
      type: 'Image',
      url: chartUrl,
      altText: radarAltText(radarScoresOf(view), view.overall, view.levelLabel),
      size: 'Stretch',
      spacing: 'Medium',
    },
    text('Vos scores par axe', { weight: 'Bolder', spacing: 'Medium' }),
    {
      type: 'FactSet',
      spacing: 'Small',
      facts: view.axes.map((a) => ({ title: a.short, value: a.score === null ? 'non évalué' : `${textBar(a.score)} ${a.score}/100` })),
    },
  ];
}

function priority(p: PriorityView, index: number, links: ReportLinks): Json {
  const items: Json[] = [
    // « Priorité 1 : » rather than « 1. », which markdown renderers turn into lists numbered from 1 each time.
    text(`Priorité ${index + 1} : ${p.title}`, { weight: 'Bolder' }),
    text(p.why, { spacing: 'Small' }),
    text(`Effort : ${p.effortLabel} · Coût : ${p.cost.label}`, { isSubtle: true, size: 'Small', spacing: 'Small' }),
  ];
  if (p.guides.length) {
    items.push({
      type: 'ActionSet',
      spacing: 'Small',
      actions: [{ type: 'Action.OpenUrl', title: 'Lire le guide', url: links.guideUrl(p.guides[0]) }],
    });
  }
  return { type: 'Container', style: 'emphasis', spacing: 'Medium', items };
}

/** « Vos aides »: the région's schemes first, then the national ones; each with its link. */
function aidLines(view: ReportView): Json[] {
  if (view.aids.length === 0) return [];
  const heading = view.regionName ? `Vos aides (région ${view.regionName} et nationales)` : 'Vos aides';
  return [
    text(heading, { weight: 'Bolder', spacing: 'Medium', size: 'Medium' }),
    ...view.aids.map((a) => ({
      type: 'Container',
      spacing: 'Small',
      items: [
        text(`[${a.name}](${a.url})`, { weight: 'Bolder' }),
        text([`${a.scope} · ${a.operator}`, a.purpose, a.amount].filter(Boolean).join(' · '), {
          isSubtle: true,
          size: 'Small',
          spacing: 'None',
        }),
      ],
    })),
  ];
}

function advisorLines(view: ReportView): Json[] {
  if (!view.advisorSuggested) return [];
  return [
    text(advisorHeading(view), { weight: 'Bolder', spacing: 'Medium', color: 'Attention' }),
    ...view.advisorReasons.map((r) => text(`⚠️ ${r}`, { spacing: 'Small' })),
  ];
}

function advisorHeading(view: ReportView): string {
  return view.advisorUrgent ? 'Parlez-en à un conseiller dès maintenant' : 'Un conseiller vous est recommandé';
}

/** The result card: level, score, badge, chart, bars, 3 priorities, advisor line, handoff and PDF buttons. */
export function buildResultCard(result: DiagnosticResult, links: ReportLinks): Json {
  const view = toReportView(result);
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    lang: 'fr',
    body: [
      ...header(view),
      ...chartAndBars(view, links.chartUrl),
      ...progressCardItems(view),
      ...advisorLines(view),
      ...(view.priorities.length ? [text('Vos 3 priorités', { weight: 'Bolder', spacing: 'Medium', size: 'Medium' })] : []),
      ...view.priorities.map((p, i) => priority(p, i, links)),
      ...aidLines(view),
      text(DISCLAIMER, { isSubtle: true, size: 'Small', spacing: 'Medium' }),
    ],
    actions: [
      {
        type: 'Action.Submit',
        title: HANDOFF_TEXT,
        ...(view.advisorSuggested ? { style: 'positive' } : {}),
        data: { ...HANDOFF_DATA, msteams: { type: 'imBack', value: HANDOFF_TEXT } },
      },
      { type: 'Action.OpenUrl', title: 'Télécharger le rapport PDF', url: links.pdfUrl },
    ],
  };
}

/** The same result as short text for channels without cards (markdown: bold and lists only). */
export function buildResultText(result: DiagnosticResult, links: ReportLinks): string {
  const view = toReportView(result);
  const out: string[] = [];
  out.push(`**Votre diagnostic numérique du ${view.dateLabel}**`);
  out.push(`Niveau **${view.levelLabel}**${view.overall === null ? '' : ` : ${view.overall}/100`}. ${view.levelDescription}`);
  out.push(`${view.badgeLine}.`);
  out.push('', '**Vos scores par axe**');
  for (const a of view.axes) out.push(`- ${a.short} : ${scoreText(a.score)}`);
  out.push(...progressTextLines(view));
  if (view.advisorSuggested) {
    out.push('', `**${advisorHeading(view)}**`);
    for (const r of view.advisorReasons) out.push(`- ${r}`);
  }
  if (view.priorities.length) out.push('', '**Vos 3 priorités**');
  view.priorities.forEach((p, i) => {
    out.push(`${i + 1}. **${p.title}**`);
    out.push(`   - Pourquoi : ${p.why}`);
    out.push(`   - Effort : ${p.effortLabel} ; coût : ${p.cost.label}`);
    for (const slug of p.guides) out.push(`   - Guide : ${links.guideUrl(slug)}`);
  });
  if (view.aids.length) {
    out.push('', `**Vos aides${view.regionName ? ` (région ${view.regionName} et nationales)` : ''}**`);
    for (const a of view.aids) out.push(`- ${aidLine(a)}`);
  }
  out.push('', `- Graphique : ${links.chartUrl}`, `- Rapport PDF : ${links.pdfUrl}`);
  out.push(`- Pour parler à un conseiller, écrivez « ${HANDOFF_TEXT} ».`);
  out.push('', DISCLAIMER);
  return out.join('\n');
}
