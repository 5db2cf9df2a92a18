// Urgent situations (knowledge/nlu/urgences.fr.json): a hacked account, a ransomware, a phishing message
// that was answered, a fraud on a transfer. Detected by patterns on the folded text; the search then
// always answers from the situation's guide, and the reply adds the emergency steps and an advisor offer.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fold } from '../../nlu/analyze.js';
import { knowledgeDir } from '../../paths.js';

export interface UrgentSituation {
  id: string;
  /** Short French label (« Compte piraté »). */
  label: string;
  guide: string;
  /** Section anchor holding the emergency steps of the guide. */
  section: string;
  /** The emergency steps, shown before anything else. */
  steps: string[];
}

interface Entry extends UrgentSituation {
  patterns: RegExp[];
}

export const DEFAULT_URGENT_FILE = path.join(knowledgeDir, 'nlu', 'urgences.fr.json');

export class UrgentDetector {
  private readonly entries: Entry[];

  constructor(file = DEFAULT_URGENT_FILE) {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { situations?: unknown };
    if (!Array.isArray(raw.situations)) throw new Error(`[knowledge] ${file}: « situations » manquant`);
    this.entries = raw.situations.map((s: Record<string, unknown>, i: number) => {
      const ok =
        typeof s.id === 'string' && typeof s.label === 'string' && typeof s.guide === 'string' && typeof s.section === 'string' &&
        Array.isArray(s.patterns) && Array.isArray(s.steps) && s.steps.length > 0;
      if (!ok) throw new Error(`[knowledge] ${file}: situation ${i + 1} incomplète (id, label, guide, section, patterns, steps)`);
      return {
        id: s.id as string,
        label: s.label as string,
        guide: s.guide as string,
        section: s.section as string,
        steps: (s.steps as unknown[]).map(String),
        patterns: (s.patterns as unknown[]).map((p) => new RegExp(String(p), 'u')),
      };
    });
  }

  /** The first situation whose pattern matches the text, or null. */
  detect(text: string): UrgentSituation | null {
    const folded = ` ${fold(text).replace(/\s+/g, ' ')} `;
    const hit = this.entries.find((e) => e.patterns.some((p) => p.test(folded)));
    if (!hit) return null;
    const { patterns: _patterns, ...situation } = hit;
    return situation;
  }

  /** Every situation (for checks: their guide and section must exist). */
  list(): UrgentSituation[] {
    return this.entries.map(({ patterns: _patterns, ...s }) => s);
  }
}
