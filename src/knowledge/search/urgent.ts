// Urgent situations (knowledge/nlu/urgences.fr.json): a hacked account, a ransomware, a phishing message
// that was answered, a fraud on a transfer. Detected by patterns on the folded text; the search then
// always answers from the situation's guide, and the reply adds the emergency steps and an advisor offer.
import type { Normalize } from '../../nlu/normalize.js';

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

/** knowledge/nlu/urgences.fr.json as read (checked by its schema at start, see src/content). */
export interface UrgentData {
  situations: Array<UrgentSituation & { patterns: string[] }>;
}

export class UrgentDetector {
  private readonly entries: Entry[];

  /** `normalize`: the NLU's normaliser (chat forms of the same content), applied before the patterns. */
  constructor(
    data: UrgentData,
    private readonly normalize: Normalize,
  ) {
    this.entries = data.situations.map((s) => ({
      id: s.id,
      label: s.label,
      guide: s.guide,
      section: s.section,
      steps: [...s.steps],
      patterns: s.patterns.map((p) => new RegExp(p, 'u')),
    }));
  }

  /** The first situation whose pattern matches the text, or null. */
  detect(text: string): UrgentSituation | null {
    const folded = ` ${this.normalize(text).folded.replace(/\s+/g, ' ')} `;
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
