// Sector from free text (« je tiens une boulangerie » → métiers de bouche, band commerce) on the
// list in knowledge/nlu/secteurs.fr.json, with stems, typos and negation (« pas dans le commerce »).
import { found, notUnderstood, type Extraction, type SectorMatch } from '../types.js';
import { matchOptions, prepareOptions, type Prepared } from './matcher.js';

export interface SectorData {
  bands: Record<string, string>;
  /** A status whose aid sector holds whatever the trade (artisan → artisanat). */
  aidSectorByStatus: Record<string, string>;
  /** `aidSector`: the sector as the aid catalogue (knowledge/aides) names it. */
  secteurs: { id: string; label: string; band: string; artisanat: boolean; keywords: string[]; aidSector: string }[];
}

export interface SectorIndex {
  data: SectorData;
  prepared: Prepared;
}

export function indexSectors(data: SectorData): SectorIndex {
  for (const s of data.secteurs) {
    if (!(s.band in data.bands)) throw new Error(`[nlu] sector ${s.id}: unknown band ${s.band}`);
  }
  return {
    data,
    prepared: prepareOptions(data.secteurs.map((s) => ({ id: s.id, phrases: [s.label, ...s.keywords] }))),
  };
}

export function extractSector(text: string, index: SectorIndex): Extraction<SectorMatch> {
  const hits = matchOptions(text, index.prepared).filter((h) => !h.negated && h.score === 1);
  if (hits.length === 0) return notUnderstood;
  const best = hits[0];
  const s = index.data.secteurs.find((x) => x.id === best.id);
  if (!s) return notUnderstood;
  const rival = hits.find((h) => h.id !== best.id && h.length === best.length);
  return found({ id: s.id, label: s.label, band: s.band }, rival ? 0.6 : 0.9);
}
