// Progress since the previous diagnostic (T0 → T1) in the result card and its text version: the overall
// score and each axis, « 40 → 62 (+22) ». The PDF draws its own table (pdf.ts).
import { changeText } from '../progress.js';
import type { ReportView } from './view.js';

type Json = Record<string, unknown>;

/** « Vos progrès depuis le 5 janvier 2026 » */
export function progressHeading(view: ReportView): string {
  return `Vos progrès depuis votre diagnostic du ${view.progress!.sinceLabel}`;
}

/** « 3 axes en progrès, 1 en recul. » */
export function progressSummary(view: ReportView): string {
  const p = view.progress!;
  const parts = [`${p.improved} axe${p.improved > 1 ? 's' : ''} en progrès`];
  if (p.declined) parts.push(`${p.declined} en recul`);
  return `${parts.join(', ')}.`;
}

/** The card's section (empty for a first diagnostic). */
export function progressCardItems(view: ReportView): Json[] {
  const p = view.progress;
  if (!p) return [];
  return [
    { type: 'TextBlock', text: progressHeading(view), wrap: true, weight: 'Bolder', spacing: 'Medium' },
    { type: 'TextBlock', text: progressSummary(view), wrap: true, spacing: 'Small', isSubtle: true },
    {
      type: 'FactSet',
      spacing: 'Small',
      facts: [{ title: 'Score global', value: changeText(p.overall) }, ...p.axes.map((a) => ({ title: a.short, value: changeText(a) }))],
    },
  ];
}

/** The text version's lines (empty for a first diagnostic). */
export function progressTextLines(view: ReportView): string[] {
  const p = view.progress;
  if (!p) return [];
  return [
    '',
    `**${progressHeading(view)}**`,
    progressSummary(view),
    `- Score global : ${changeText(p.overall)}`,
    ...p.axes.map((a) => `- ${a.short} : ${changeText(a)}`),
  ];
}
