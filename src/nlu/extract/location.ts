// Location from free text: postal code (« 33000 »), département number (« on est dans le 33 »,
// « 2A », « 974 »), département name, main city, or région → département → région.
// Data: knowledge/nlu/territoires.fr.json (101 départements, 18 régions).
import { JaroWinklerDistance } from 'natural/lib/natural/distance/index.js';
import { found, notUnderstood, type Extraction, type Location } from '../types.js';
import { isNumberWord, parseNumberWords } from './numwords.js';
import { communeDepartement, communeIndex, nameKey, type CommuneIndex } from './communes.js';

export interface TerritoryData {
  regions: { code: string; nom: string; alias: string[] }[];
  departements: { code: string; nom: string; region: string; prefecture: string; villes: string[] }[];
}

interface NameEntry {
  key: string;
  dep?: string;
  region: string;
  via: Location['via'];
  /** A common French word too (« cher », « lot », « somme »): needs a cue like « dans le ». */
  needsCue: boolean;
}

export interface TerritoryIndex {
  byDep: Map<string, TerritoryData['departements'][number]>;
  regionName: Map<string, string>;
  /** Every name variant → its entries. */
  names: Map<string, NameEntry[]>;
  /** Most words in a name. */
  maxWords: number;
  /** Régions with a single département (overseas), to fill the département in. */
  soleDep: Map<string, string>;
  /** Every town of 1 000 inhabitants or more (communes.ts). */
  communes: CommuneIndex;
}

const COMMON_WORDS = new Set([
  'cher',
  'lot',
  'aube',
  'manche',
  'somme',
  'nord',
  'var',
  'orne',
  'eure',
  'vienne',
  'indre',
  'gard',
  'tarn',
  'marne',
  'meuse',
  'oise',
  'aude',
  'gers',
  'sens',
  'tours',
  'vitre',
  'centre',
  'provence',
  'cognac',
  'dole',
  'agen',
  'ain',
  'creuse',
  'loire',
  'lens',
  'flers',
  'nice',
  'gap',
  'riom',
  'saintes',
  'vernon',
  'laval',
  'bar',
  'dax',
  'muret',
]);
const CUES = new Set([
  'le',
  'la',
  'l',
  'les',
  'dans',
  'en',
  'du',
  'de',
  'des',
  'a',
  'au',
  'sur',
  'pres',
  'vers',
  'departement',
  'region',
  'cote',
  'secteur',
  'ville',
  'sud',
  'nord',
  'est',
  'ouest',
  'base',
  'bases',
  'installe',
  'installes',
  'situe',
  'situes',
  'vers',
]);

/** Folded, hyphens and apostrophes as spaces, single spaces (the same key as the communes'). */
const key = nameKey;

function withoutArticle(k: string): string {
  return k.replace(/^(?:le|la|les|l) /, '');
}

export function indexTerritories(data: TerritoryData): TerritoryIndex {
  const names: NameEntry[] = [];
  const add = (name: string, via: Location['via'], region: string, dep?: string) => {
    const k = key(name);
    // « Bouche du Rhône », « Haut de Seine »: a name of several words also without the plural « s » of its words.
    const singular = k.includes(' ') ? k.replace(/\b(\w{3,})s\b/g, '$1') : k;
    for (const variant of new Set([k, withoutArticle(k), k.replace(/\bsaint /g, 'st '), singular])) {
      if (variant.length < 3) continue;
      names.push({ key: variant, dep, region, via, needsCue: COMMON_WORDS.has(variant) });
    }
  };
  const regionName = new Map(data.regions.map((r) => [r.code, r.nom]));
  const soleDep = new Map<string, string>();
  for (const r of data.regions) {
    const deps = data.departements.filter((d) => d.region === r.code);
    if (deps.length === 1) soleDep.set(r.code, deps[0].code);
    for (const n of [r.nom, ...r.alias]) add(n, 'region', r.code);
  }
  for (const d of data.departements) {
    add(d.nom, 'departement_name', d.region, d.code);
    for (const c of [d.prefecture, ...d.villes]) add(c, 'city', d.region, d.code);
  }
  const byKey = new Map<string, NameEntry[]>();
  for (const n of names) byKey.set(n.key, [...(byKey.get(n.key) ?? []), n]);
  const maxWords = Math.max(...names.map((n) => n.key.split(' ').length));
  return {
    byDep: new Map(data.departements.map((d) => [d.code, d])),
    regionName,
    names: byKey,
    maxWords,
    soleDep,
    communes: communeIndex(),
  };
}

function fromDep(index: TerritoryIndex, code: string, via: Location['via']): Location | undefined {
  const d = index.byDep.get(code);
  if (!d) return undefined;
  return { departement: d.code, departementName: d.nom, region: d.region, regionName: index.regionName.get(d.region) ?? '', via };
}

/** Département of a French postal code (« 33000 » → 33, « 20090 » → 2A, « 97400 » → 974). */
export function depOfPostalCode(cp: string): string | undefined {
  if (!/^\d{5}$/.test(cp) || cp.startsWith('00')) return undefined;
  if (cp.startsWith('97')) return cp.slice(0, 3);
  if (cp.startsWith('20')) return Number(cp[2]) < 2 ? '2A' : '2B';
  return cp.slice(0, 2);
}

export function extractLocation(text: string, index: TerritoryIndex, original = text): Extraction<Location> {
  const k = key(text);
  if (!k) return notUnderstood;
  // « 69 mais on bosse surtout sur l'Ain », « à Nantes, mais nos chantiers sont en Vendée »: where the firm is comes
  // first; what follows « mais » is where it works. Not when the first part is denied (« pas à Lyon mais à Bron ») or
  // names only a région (« en Bretagne mais près de Rennes »).
  const [before, ...after] = k.split(/\bmais\b/);
  if (after.length && before.trim() && !/\b(?:pas|plus|non|ni)\b/.test(before)) {
    const first = extractLocation(before, index, original.split(/\bmais\b/i)[0]);
    if (first.ok && first.value.departement) return first;
  }
  const words = k.split(' ');
  // 1. Postal code (also « 33 000 »).
  const cp = /(?:^|\D)(\d{2}) ?(\d{3})(?!\d)/.exec(k);
  if (cp) {
    const loc = fromDep(index, depOfPostalCode(cp[1] + cp[2]) ?? '', 'postal_code');
    if (loc) return found(loc, 0.95);
  }
  // 2. Names (cities, départements, régions): longest word sequences first, so « Haute-Loire » wins
  // over « Loire » and « Pays de la Loire » over both.
  // A région alone is kept while looking for a city or département in the same message
  // (« en Bretagne, près de Vannes » is the Morbihan).
  let regionOnly: Location | undefined;
  const covered = new Set<number>();
  for (let len = Math.min(index.maxWords, words.length); len >= 1; len--) {
    for (let i = 0; i + len <= words.length; i++) {
      // Words of a région's name are not read again (« Pays de la Loire » is not the Loire).
      if (Array.from({ length: len }, (_, k) => i + k).some((k) => covered.has(k))) continue;
      const entries = index.names.get(words.slice(i, i + len).join(' '));
      if (!entries) continue;
      const n = entries[0];
      if (n.needsCue && !(CUES.has(words[i - 1] ?? '') || words.length <= 2)) continue;
      if (n.dep) {
        const loc = fromDep(index, n.dep, n.via);
        if (loc) return found(loc, n.needsCue ? 0.8 : 0.9);
      }
      const sole = index.soleDep.get(n.region);
      if (sole) return found(fromDep(index, sole, 'region') as Location, 0.9);
      regionOnly ??= { region: n.region, regionName: index.regionName.get(n.region) ?? '', via: 'region' };
      for (let k = i; k < i + len; k++) covered.add(k);
    }
  }
  // 2b. Any other town, where a place is said (« à La Seyne-sur-Mer », « près de Lamballe »).
  const town = communeDepartement(original, index.communes);
  const townLoc = town ? fromDep(index, town, 'city') : undefined;
  if (townLoc && !(regionOnly && townLoc.region !== regionOnly.region)) return found(townLoc, 0.85);
  // 3. Département number: « dans le 33 », « 2A », « 974 », « 06 »; said in words after a cue
  // (« dans le trente-trois », « le quatre-vingt-trois »).
  // Or alone as the first sentence (« vingt-neuf. On tient un shipchandler… »).
  const lead = key(original.split(/[.!?;,\n]/)[0] ?? '').split(' ');
  for (let i = 0; i < words.length; i++) {
    if (!isNumberWord(words[i]) || (i > 0 && !CUES.has(words[i - 1]))) continue;
    const n = parseNumberWords(words, i);
    if (!n || n.articleOnly || n.value < 1 || n.value > 976 || (i === 0 && n.next !== lead.length)) continue;
    // « dans deux départements différents »: a number of things, not a département.
    if (!['le', 'la', 'l', 'du', 'au'].includes(words[i - 1] ?? '') && /^[a-z]{4,}s$/.test(words[n.next] ?? '')) continue;
    const loc = fromDep(index, n.value < 10 ? `0${n.value}` : String(n.value), 'departement_code');
    if (loc && !(regionOnly && loc.region !== regionOnly.region)) return found(loc, 0.9);
  }
  // 3. Département number: « dans le 33 », « 2A », « 974 », « 06 ».
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!/^(?:\d{1,3}|2a|2b)$/.test(w)) continue;
    const code = w === '2a' || w === '2b' ? w.toUpperCase() : w.length === 1 ? `0${w}` : w;
    const loc = fromDep(index, code, 'departement_code');
    if (!loc) continue;
    const cue = CUES.has(words[i - 1] ?? '') || words.length === 1;
    if (regionOnly && loc.region !== regionOnly.region) continue;
    return found(loc, cue ? 0.95 : 0.75);
  }
  if (regionOnly) return found(regionOnly, 0.85);
  // 4. A misspelt name (« Girronde », « Bordaux »): the closest département or city of one word.
  // Only in a short answer (never « je voudrais savoir… » read as Savoie), and too weak to be taken
  // from a message that answers something else.
  const typo = words.length <= 4 ? closestName(index, words) : undefined;
  if (typo) return found(typo, 0.75);
  if (/\b20\b/.test(k) && /\b(?:corse|departement|dans le)\b/.test(k)) {
    return found({ region: '94', regionName: index.regionName.get('94') ?? 'Corse', via: 'departement_code' }, 0.7);
  }
  return notUnderstood;
}

/** The département or city a misspelt word stands for (Jaro-Winkler ≥ 0.93, words of 5+ letters). */
function closestName(index: TerritoryIndex, words: string[]): Location | undefined {
  let best: { score: number; dep: string } | undefined;
  for (const w of words) {
    if (w.length < 5) continue;
    for (const [k, entries] of index.names) {
      const e = entries[0];
      if (!e.dep || k.includes(' ') || Math.abs(k.length - w.length) > 2 || k[0] !== w[0]) continue;
      const score = JaroWinklerDistance(w, k, { ignoreCase: true });
      if (score >= 0.93 && (!best || score > best.score)) best = { score, dep: e.dep };
    }
  }
  return best ? fromDep(index, best.dep, 'city') : undefined;
}
