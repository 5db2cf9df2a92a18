// « Les entreprises comme la vôtre » : published figures (knowledge/diagnostic/comparaisons.fr.json) set
// beside the firm's own answers, e.g. « 65 % des TPE et PME ont un site internet… ; vous : oui ».
import { checkCondition, collector } from './checks.js';
import { evaluate } from './conditions.js';
import type { Problem } from './data.js';
import type { Answers, Condition, Profile, Questionnaire, SizeBand } from './types.js';

export interface FigureSource {
  label: string;
  url: string;
  year: number;
  checked: string;
}

export interface Figure {
  /** Size bands the figure describes; absent = all firms (used when no figure fits the size). */
  sizeBands?: SizeBand[];
  /** « des TPE et PME », « des entreprises de 1 à 4 salariés » */
  population: string;
  /** Percentage, 0–100. */
  value: number;
  source: FigureSource;
}

export interface Indicator {
  id: string;
  /** Verb phrase after the population: « ont un site internet qui présente leur activité ». */
  topic: string;
  /** « Environ 50 % » rather than « 50 % ». */
  approx?: boolean;
  you: { yes: Condition; partly?: Condition; known: Condition };
  figures: Figure[];
}

export interface ComparisonData {
  version: string;
  note?: string;
  indicators: Indicator[];
}

export type YouAnswer = 'oui' | 'en partie' | 'non';

export interface ComparisonLine {
  id: string;
  /** The whole French line, ready to show. */
  text: string;
  value: number;
  population: string;
  you: YouAnswer;
  source: FigureSource;
}

/** The figure that fits the firm's size best: one for its band, else the all-firms one. */
function pickFigure(indicator: Indicator, sizeBand: SizeBand | undefined): Figure | undefined {
  const bySize = sizeBand ? indicator.figures.find((f) => f.sizeBands?.includes(sizeBand)) : undefined;
  return bySize ?? indicator.figures.find((f) => !f.sizeBands);
}

/**
 * Comparison lines for the firm. Indicators the firm did not answer (or answered « je ne sais pas »)
 * are left out, as are those with no figure for its size.
 */
export function compare(data: ComparisonData, answers: Answers, profile: Profile): ComparisonLine[] {
  const ctx = { answers, profile };
  const lines: ComparisonLine[] = [];
  for (const indicator of data.indicators) {
    if (!evaluate(indicator.you.known, ctx)) continue;
    const figure = pickFigure(indicator, profile.sizeBand);
    if (!figure) continue;
    const you: YouAnswer = evaluate(indicator.you.yes, ctx)
      ? 'oui'
      : indicator.you.partly && evaluate(indicator.you.partly, ctx)
        ? 'en partie'
        : 'non';
    const amount = `${indicator.approx ? 'Environ ' : ''}${figure.value} %`;
    lines.push({
      id: indicator.id,
      text: `${amount} ${figure.population} ${indicator.topic} ; vous : ${you}`,
      value: figure.value,
      population: figure.population,
      you,
      source: figure.source,
    });
  }
  return lines;
}

/** Semantic checks of comparaisons.fr.json. */
export function checkComparisons(q: Questionnaire, data: ComparisonData, file: string): Problem[] {
  const { problems, add } = collector(file);
  const ids = new Set<string>();
  for (const indicator of data.indicators) {
    const where = `indicateur « ${indicator.id} »`;
    if (ids.has(indicator.id)) add(where, 'identifiant en double');
    ids.add(indicator.id);
    for (const c of [indicator.you.yes, indicator.you.partly, indicator.you.known]) if (c) checkCondition(q, c, where, add);
    if (!indicator.figures.some((f) => !f.sizeBands)) add(where, "il faut un chiffre pour l'ensemble des entreprises (sans « sizeBands »)");
    const bands = indicator.figures.flatMap((f) => f.sizeBands ?? []);
    if (new Set(bands).size !== bands.length) add(where, "une tranche d'effectif a deux chiffres");
  }
  return problems;
}
