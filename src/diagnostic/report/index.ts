// Public API of the result's presentation: Adaptive Card, text version, radar data. The drawing modules
// (radar.ts: ECharts and resvg; pdf.ts: PDFKit) are imported where they draw, so that loading a dialog
// does not load them.
export { radarAltText, radarScoresOf, DEFAULT_CHART_COLOR, type RadarOptions, type RadarScores } from './radar-data.js';
export { buildResultCard, buildResultText, textBar, HANDOFF_DATA, HANDOFF_TEXT, type ReportLinks } from './card.js';
export { ALLOWED_CARD_TYPES, CARD_VERSION, checkCard, cardTypes, type CardProblem } from './card-schema.js';
export {
  DISCLAIMER,
  SHORT_AXIS_LABELS,
  scoringSources,
  toReportView,
  type DiagnosticResult,
  type ReportView,
  type SourceView,
} from './view.js';
