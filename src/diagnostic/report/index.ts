// Public API of the result's presentation: radar PNG, Adaptive Card, text version, PDF report.
export { renderRadarPng, renderRadarForView, radarAltText, radarScoresOf, DEFAULT_CHART_COLOR, type RadarOptions, type RadarScores } from './radar.js';
export { buildResultCard, buildResultText, textBar, HANDOFF_DATA, HANDOFF_TEXT, type ReportLinks } from './card.js';
export { ALLOWED_CARD_TYPES, CARD_VERSION, checkCard, cardTypes, type CardProblem } from './card-schema.js';
export { renderReportPdf, type PdfOptions } from './pdf.js';
export { DISCLAIMER, SHORT_AXIS_LABELS, scoringSources, toReportView, type DiagnosticResult, type ReportView, type SourceView } from './view.js';
