// Sector from free text (« je tiens une boulangerie » → métiers de bouche, band commerce) on the
// list in knowledge/nlu/secteurs.fr.json, with stems, typos and negation (« pas dans le commerce »).
import { found, notUnderstood, type Extraction, type SectorMatch } from '../types.js';
import { matchOptions, prepareOptions, scopedTokens, type Prepared } from './matcher.js';

export interface SectorData {
  bands: Record<string, string>;
  /** A status whose aid sector holds whatever the trade (artisan → artisanat). */
  aidSectorByStatus: Record<string, string>;
  /** Words telling who the firm sells to, which are not its trade (« on vend aux bistrots »). */
  customers: { sells: string[]; alone: string[]; articles: string[]; after: string[]; stops: string[] };
  /** `aidSector`: the sector as the aid catalogue (knowledge/aides) names it. */
  secteurs: { id: string; label: string; band: string; artisanat: boolean; keywords: string[]; aidSector: string }[];
}

/** The customer words of secteurs.fr.json « customers », ready to use. */
interface CustomerCues {
  sells: RegExp;
  alone: Set<string>;
  articles: Set<string>;
  after: Set<string>;
  stops: Set<string>;
}

export interface SectorIndex {
  data: SectorData;
  prepared: Prepared;
  customers: CustomerCues;
}

/**
 * The trade named by its activity as well as by who does it: an agent noun in « -ateur » / « -acteur » has its
 * action noun in « -ation » / « -action » (« torréfacteur » → « torréfaction », « restaurateur » → « restauration »).
 */
function withActionNouns(keywords: string[]): string[] {
  const derived = keywords.filter((k) => /a(?:c)?teur$/i.test(k) && !k.includes(' ')).map((k) => k.replace(/teur$/i, 'tion'));
  return [...keywords, ...derived.filter((d) => !keywords.includes(d))];
}

export function indexSectors(data: SectorData): SectorIndex {
  for (const s of data.secteurs) {
    if (!(s.band in data.bands)) throw new Error(`[nlu] sector ${s.id}: unknown band ${s.band}`);
  }
  return {
    data,
    prepared: prepareOptions(data.secteurs.map((s) => ({ id: s.id, phrases: [s.label, ...withActionNouns(s.keywords)] }))),
    customers: {
      sells: new RegExp(`^(?:${data.customers.sells.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`),
      alone: new Set(data.customers.alone),
      articles: new Set(data.customers.articles),
      after: new Set(data.customers.after),
      stops: new Set(data.customers.stops),
    },
  };
}

/**
 * Indices of the words that name the firm's customers, after a verb of selling in the same clause (« on vend aux
 * restaurants », « je travaille pour les garages »); the words are data (secteurs.fr.json « customers »).
 */
function customerWords(text: string, cues: CustomerCues): Set<number> {
  const toks = scopedTokens(text);
  const out = new Set<number>();
  toks.forEach((t, i) => {
    const lead = cues.alone.has(t.w) || (cues.articles.has(t.w) && cues.after.has(toks[i - 1]?.w ?? ''));
    if (!lead) return;
    const sells = toks.slice(0, i).some((x) => x.c === t.c && cues.sells.test(x.w));
    if (!sells) return;
    for (let k = i + 1; k < Math.min(i + 4, toks.length) && toks[k].c === t.c && !cues.stops.has(toks[k].w); k++) out.add(k);
  });
  return out;
}

export function extractSector(text: string, index: SectorIndex): Extraction<SectorMatch> {
  let hits = matchOptions(text, index.prepared).filter((h) => !h.negated && h.score === 1);
  // The customers named beside the trade are not the trade (« torréfacteur, on vend aux bistrots »).
  const customers = customerWords(text, index.customers);
  const own = hits.filter((h) => !h.positions.every((p) => customers.has(p)));
  if (own.length > 0) hits = own;
  if (hits.length === 0) return notUnderstood;
  const best = hits[0];
  const s = index.data.secteurs.find((x) => x.id === best.id);
  if (!s) return notUnderstood;
  const rival = hits.find((h) => h.id !== best.id && h.length === best.length);
  return found({ id: s.id, label: s.label, band: s.band }, rival ? 0.6 : 0.9);
}
