// The PDF report (A4, pdfkit's built-in Helvetica: no font file; the radar as vector through svg-to-pdfkit). Page 1: who, when, score, level, badge,
// the radar chart and the table of axis scores. Then: advisor line, the plan (why, effort, cost, guides and
// aid with their URLs), comparisons with published figures, every source, the disclaimer. Footer with page
// numbers. Metadata dated from the result, so the same result gives the same bytes.
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { DEFAULT_CHART_COLOR, parseHexColor, previousSeriesOf, radarScoresOf } from './radar-data.js';
import { renderRadarSvg } from './radar.js';
import { deltaText } from '../progress.js';
import { progressHeading, progressSummary } from './progress-view.js';
import { pdfText } from './pdf-text.js';
import { DISCLAIMER, frenchIsoDate, scoreText, toReportView, type DiagnosticResult, type ReportView, type SourceView } from './view.js';

export interface PdfOptions {
  /** Absolute URL of a guide (printed under each priority); without it the guide's slug is printed. */
  guideUrl?: (slug: string) => string;
  /** The radar PNG when already rendered; without it the chart is drawn as vector (ECharts SVG). */
  chartPng?: Buffer;
  /** CCI colour (#RRGGBB) for headings, bars and the chart. */
  color?: string;
  /** Sources the result does not carry (e.g. of the levels and of the badge, from the scoring model). */
  sources?: readonly SourceView[];
  /** false writes uncompressed streams (tests read the text). Default true. */
  compress?: boolean;
  /** A guide's title from its slug (printed instead of the slug). */
  guideTitle?: (slug: string) => string | undefined;
  /** The person's CCI (from the advisors directory by département): name and contact, on page 1. */
  cci?: { name: string; phone?: string; email?: string };
}

type Doc = PDFKit.PDFDocument;
const MARGIN = 50;
/** Side of the radar on page 1, in points. */
const CHART_SIZE = 270;
const INK = '#1f2933';
const MUTED = '#5f6b7a';
const ATTENTION = '#b42318';

/** A section heading; moves to a new page when less than `room` points are left (keeps it with its text). */
function heading(doc: Doc, text: string, color: string, room = 160): void {
  if (doc.y > doc.page.height - room) doc.addPage();
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(14).fillColor(color).text(pdfText(text), MARGIN, doc.y);
  doc.moveDown(0.3).font('Helvetica').fontSize(10.5).fillColor(INK);
}

function para(doc: Doc, text: string, opts: { bold?: boolean; color?: string; size?: number; indent?: number } = {}): void {
  doc
    .font(opts.bold ? 'Helvetica-Bold' : 'Helvetica')
    .fontSize(opts.size ?? 10.5)
    .fillColor(opts.color ?? INK)
    .text(pdfText(text).trim(), MARGIN + (opts.indent ?? 0), doc.y, { width: doc.page.width - 2 * MARGIN - (opts.indent ?? 0) });
}

/** « Libellé : https://… » with the URL clickable. */
function link(doc: Doc, label: string, url: string, indent: number): void {
  const width = doc.page.width - 2 * MARGIN - indent;
  doc
    .font('Helvetica')
    .fontSize(9.5)
    .fillColor(INK)
    .text(pdfText(`${label} : `), MARGIN + indent, doc.y, { width, continued: true });
  doc.fillColor('#1a5fb4').text(pdfText(url), { link: url, underline: false });
  doc.fillColor(INK);
}

function firstPage(doc: Doc, view: ReportView, chart: Buffer | string, color: string, cci?: PdfOptions['cci']): void {
  doc.font('Helvetica-Bold').fontSize(20).fillColor(color).text(pdfText('Rapport de diagnostic numérique'));
  para(doc, `Réalisé le ${view.dateLabel} avec Virage · questionnaire version ${view.version}`, { color: MUTED, size: 9.5 });
  para(doc, view.profileLine, { color: MUTED, size: 9.5 });
  if (cci) {
    const contact = [cci.phone, cci.email].filter(Boolean).join(' · ');
    para(doc, `Votre interlocuteur : ${cci.name}${contact ? ` · ${contact}` : ''}`, { size: 9.5 });
  }
  doc.moveDown(0.8);
  para(doc, `Score global : ${scoreText(view.overall)} · niveau « ${view.levelLabel} »`, { bold: true, size: 14, color });
  para(doc, view.levelDescription);
  para(doc, `${view.badgeLine}.`, { color: view.badgeReached ? INK : MUTED });
  const size = CHART_SIZE;
  const top = doc.y;
  // The SVG is drawn at CHART_SIZE user units, read as points.
  if (typeof chart === 'string') SVGtoPDF(doc, chart, (doc.page.width - size) / 2, top + 6, { assumePt: true });
  else doc.image(chart, (doc.page.width - size) / 2, top + 6, { width: size, height: size });
  doc.x = MARGIN;
  doc.y = top + size + 20;
  axisTable(doc, view, color);
}

/** The rule under a table's header row, and the gap after it. */
function headerRule(doc: Doc, x: number, w: number): void {
  doc
    .moveTo(x, doc.y + 2)
    .lineTo(x + w, doc.y + 2)
    .lineWidth(0.6)
    .strokeColor('#9aa5b1')
    .stroke();
  doc.y += 6;
}

/** A score bar: the grey track, then `score`/100 of it in `color` (nothing more without a score or at 0). */
function scoreBar(doc: Doc, box: { x: number; y: number; w: number; h: number }, score: number | null, color: string): void {
  doc.rect(box.x, box.y, box.w, box.h).fillColor('#e4e7eb').fill();
  if (score)
    doc
      .rect(box.x, box.y, (box.w * score) / 100, box.h)
      .fillColor(color)
      .fill();
}

function axisTable(doc: Doc, view: ReportView, color: string): void {
  const x = MARGIN;
  const w = doc.page.width - 2 * MARGIN;
  const col = [x, x + 210, x + 280];
  const barW = w - 290;
  doc.font('Helvetica-Bold').fontSize(10).fillColor(INK);
  doc.text('Axe', col[0], doc.y, { width: 200 }).moveUp().text('Score', col[1], doc.y, { width: 60 });
  headerRule(doc, x, w);
  doc.font('Helvetica').fontSize(10);
  for (const a of view.axes) {
    const y = doc.y;
    doc.fillColor(INK).text(pdfText(a.label), col[0], y, { width: 205 });
    const rowBottom = doc.y;
    doc.text(a.score === null ? 'non évalué' : `${a.score}/100`, col[1], y, { width: 65 });
    scoreBar(doc, { x: col[2], y: y + 1, w: barW, h: 9 }, a.score, color);
    doc.y = Math.max(rowBottom, y + 13) + 3;
  }
  doc.x = MARGIN;
}

/** T0 → T1: each axis with both scores, the change, and paired bars (grey before, colour now). */
function progressTable(doc: Doc, view: ReportView, color: string): void {
  const p = view.progress;
  if (!p) return;
  heading(doc, progressHeading(view), color, 230);
  para(doc, progressSummary(view), { color: MUTED, size: 9.5 });
  doc.moveDown(0.3);
  const x = MARGIN;
  const w = doc.page.width - 2 * MARGIN;
  const col = [x, x + 190, x + 240, x + 290, x + 340];
  const barW = w - 345;
  doc.font('Helvetica-Bold').fontSize(9.5).fillColor(INK);
  const top = doc.y;
  doc.text('Axe', col[0], top, { width: 185 });
  doc.text('Avant', col[1], top, { width: 48 });
  doc.text('Après', col[2], top, { width: 48 });
  doc.text('Écart', col[3], top, { width: 48 });
  headerRule(doc, x, w);
  doc.font('Helvetica').fontSize(9.5);
  const rows = [{ label: 'Score global', ...p.overall }, ...p.axes];
  for (const r of rows) {
    const y = doc.y;
    doc.fillColor(INK).text(pdfText(r.label), col[0], y, { width: 185 });
    const rowBottom = doc.y;
    doc.text(r.before === null ? '–' : String(r.before), col[1], y, { width: 48 });
    doc.text(r.after === null ? '–' : String(r.after), col[2], y, { width: 48 });
    doc.text(pdfText(deltaText(r.delta)), col[3], y, { width: 48 });
    scoreBar(doc, { x: col[4], y, w: barW, h: 5 }, r.before, '#9aa5b1');
    scoreBar(doc, { x: col[4], y: y + 6, w: barW, h: 5 }, r.after, color);
    doc.y = Math.max(rowBottom, y + 13) + 3;
  }
  para(doc, 'Barre grise : votre diagnostic précédent ; barre en couleur : celui-ci.', { color: MUTED, size: 8.5 });
  doc.x = MARGIN;
}

function plan(doc: Doc, view: ReportView, color: string, options: PdfOptions): void {
  const { guideUrl } = options;
  if (view.advisorSuggested) {
    heading(doc, view.advisorUrgent ? 'Parlez-en à un conseiller dès maintenant' : 'Un conseiller vous est recommandé', ATTENTION);
    for (const r of view.advisorReasons) para(doc, `• ${r}`);
    para(doc, 'Dans la conversation, écrivez « Parler à un conseiller » : il reprendra votre diagnostic.', { color: MUTED, size: 9.5 });
  }
  heading(doc, 'Votre plan : 3 priorités', color, 240);
  view.priorities.forEach((p, i) => {
    if (doc.y > doc.page.height - 170) doc.addPage();
    doc.moveDown(0.4);
    para(doc, `${i + 1}. ${p.title}`, { bold: true, size: 12 });
    para(doc, p.why);
    para(doc, `Effort : ${p.effortLabel} · Coût : ${p.cost.label}${p.inHouse ? ` · Temps : ${p.inHouse.label}` : ''}`, {
      color: MUTED,
      size: 9.5,
    });
    for (const slug of p.guides) {
      const title = options.guideTitle?.(slug) ?? slug;
      if (guideUrl) link(doc, `Guide « ${title} »`, guideUrl(slug), 12);
      else para(doc, `Guide « ${title} » (dans la conversation : « guide ${title} »)`, { indent: 12, size: 9.5 });
    }
    for (const aid of p.aids) link(doc, `Aide : ${aid.name}${aid.operator ? ` (${aid.operator})` : ''}`, aid.url, 12);
  });
  if (view.priorities.length === 0) para(doc, 'Aucune priorité calculée : parlez-en avec un conseiller.');
}

/** « Vos aides »: who runs each scheme, what for, the figure or « à vérifier », the link. */
function aids(doc: Doc, view: ReportView, color: string): void {
  if (view.aids.length === 0) return;
  if (doc.y > doc.page.height - 200) doc.addPage();
  heading(doc, view.regionName ? `Vos aides (région ${view.regionName} et nationales)` : 'Vos aides', color);
  for (const a of view.aids) {
    if (doc.y > doc.page.height - 110) doc.addPage();
    doc.moveDown(0.3);
    para(doc, a.name, { bold: true });
    para(doc, [`${a.scope} · ${a.operator}`, a.purpose].filter(Boolean).join(' · '), { color: MUTED, size: 9.5 });
    const details = [a.amount, a.conditions].filter(Boolean).join('. ');
    if (details) para(doc, details, { size: 9.5 });
    link(doc, 'En savoir plus', a.url, 0);
  }
  para(doc, 'Les aides changent souvent : votre CCI confirme votre éligibilité avant toute dépense.', { color: MUTED, size: 9 });
}

function comparisonsAndSources(doc: Doc, view: ReportView, color: string): void {
  if (view.comparisons.length) {
    heading(doc, 'Les entreprises comme la vôtre', color);
    for (const c of view.comparisons) {
      para(doc, `• ${c.text}`);
      para(doc, `Source : ${c.source.label} (${c.source.year}), vérifiée le ${frenchIsoDate(c.source.checked)}`, {
        color: MUTED,
        size: 8.5,
        indent: 10,
      });
    }
  }
  heading(doc, 'Sources', color);
  if (view.sources.length === 0) para(doc, 'Aucune source citée dans ce rapport.', { color: MUTED });
  for (const s of view.sources) link(doc, `${s.label}${s.checked ? `, vérifiée le ${frenchIsoDate(s.checked)}` : ''}`, s.url, 0);
  doc.moveDown(1.2);
  para(doc, DISCLAIMER, { bold: true, size: 10.5 });
}

function footers(doc: Doc, view: ReportView): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(
        pdfText(`Virage · Rapport de diagnostic du ${view.dateLabel} · page ${i + 1} sur ${range.count}`),
        MARGIN,
        doc.page.height - 35,
        {
          width: doc.page.width - 2 * MARGIN,
          align: 'center',
          lineBreak: false,
        },
      );
    doc.page.margins.bottom = bottom;
  }
}

/** Renders the PDF report of a result. */
export function renderReportPdf(result: DiagnosticResult, options: PdfOptions = {}): Promise<Buffer> {
  const view = toReportView(result, options.sources);
  const color = options.color ?? DEFAULT_CHART_COLOR;
  parseHexColor(color);
  const chart =
    options.chartPng ??
    renderRadarSvg(radarScoresOf(view), {
      ...previousSeriesOf(view),
      size: CHART_SIZE,
      color,
      overall: view.overall,
      ...(view.overall === null ? {} : { levelLabel: view.levelLabel }),
    });
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    compress: options.compress ?? true,
    lang: 'fr-FR',
    displayTitle: true,
    info: {
      Title: `Rapport de diagnostic numérique du ${view.dateLabel}`,
      Author: 'Virage',
      Subject: 'Diagnostic de maturité numérique et plan d’action',
      Keywords: `diagnostic numérique; questionnaire ${view.version}`,
      Creator: 'Virage',
      Producer: 'Virage (PDFKit)',
      CreationDate: view.date,
      ModDate: view.date,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  firstPage(doc, view, chart, color, options.cci);
  progressTable(doc, view, color);
  // The plan follows on page 1 when there is room (no half-empty first page); headings move on when not.
  plan(doc, view, color, options);
  aids(doc, view, color);
  comparisonsAndSources(doc, view, color);
  footers(doc, view);
  doc.end();
  return done;
}
