// Towns beyond the main cities of territoires.fr.json: every French commune of 1 000 inhabitants or more, from
// the official list (INSEE's code officiel géographique, as published by Etalab in @etalab/decoupage-administratif),
// so that « à La Seyne-sur-Mer » or « basés à Lamballe » gives the département. A town's name is read only where a
// place is said (« à », « près de », « vers », or a short answer that is the name alone), single words only when
// written with a capital or for towns of 20 000 inhabitants or more: many small towns are also French words
// (« à charge », « on a Orange »).
import { createRequire } from 'node:module';
import { fold } from '../analyze.js';

interface Commune {
  nom: string;
  departement: string;
  type: string;
  population?: number;
}

export interface CommuneIndex {
  /** Folded name (hyphens and apostrophes as spaces) → département code. */
  names: Map<string, string>;
  /** Population of the town each name stands for. */
  population: Map<string, number>;
  maxWords: number;
}

const MIN_POPULATION = 1000;
/** A single-word name written without a capital is read only for a town this big. */
const BIG_TOWN = 20000;
/** A name shared by several communes stands for the largest only when it is this many times all the others together. */
const DOMINANT = 3;
/** Words before « a » that make it the verb (« on a Orange »), not the preposition « à » typed without its accent. */
const SUBJECTS = new Set(['on', 'il', 'elle', 'qui', 'ca', 'y', 'j', 'n', 'l', 'cela', 'ce', 'tout', 'personne', 'chacun', 'nous']);
/** Words that introduce a place after « de » (« près de », « à côté de », « proche de »). */
const NEAR = new Set(['pres', 'cote', 'proche', 'environs', 'alentours', 'region', 'commune', 'mairie']);

export function nameKey(s: string): string {
  return fold(s)
    .replace(/[-'’]/g, ' ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

let cached: CommuneIndex | undefined;

/** The communes index, built once per process from the package's data. */
export function communeIndex(): CommuneIndex {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  let data: Commune[];
  try {
    data = require('@etalab/decoupage-administratif/data/communes.json') as Commune[];
  } catch (e) {
    throw new Error(`The list of French communes is missing: run « npm install » (@etalab/decoupage-administratif). ${String(e)}`);
  }
  const all = data.filter((c) => c.type === 'commune-actuelle' && c.population !== undefined);
  const byKey = new Map<string, Commune[]>();
  for (const c of all) {
    const k = nameKey(c.nom);
    byKey.set(k, [...(byKey.get(k) ?? []), c]);
  }
  const names = new Map<string, string>();
  const population = new Map<string, number>();
  let maxWords = 1;
  for (const [k, communes] of byKey) {
    const [first, ...others] = [...communes].sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
    const rest = others.reduce((n, c) => n + (c.population ?? 0), 0);
    if ((first.population ?? 0) < MIN_POPULATION || (first.population ?? 0) < DOMINANT * rest) continue;
    names.set(k, first.departement);
    population.set(k, first.population ?? 0);
    maxWords = Math.max(maxWords, k.split(' ').length);
  }
  cached = { names, population, maxWords };
  return cached;
}

/** True when the word at `i` follows a word that says a place comes next. */
function placeSaid(raw: string[], keys: string[], i: number): boolean {
  if (i === 0) return true; // an answer that is the town's name alone (checked by the caller)
  const before = raw[i - 1];
  if (before === 'à' || before === 'À' || keys[i - 1] === 'vers') return true;
  if (keys[i - 1] === 'a') return !SUBJECTS.has(keys[i - 2] ?? '');
  return (keys[i - 1] === 'de' || keys[i - 1] === 'd') && NEAR.has(keys[i - 2] ?? '');
}

/** The département of a town named in `text` where a place is said, if any. */
export function communeDepartement(text: string, index: CommuneIndex = communeIndex()): string | undefined {
  const raw = text
    .replace(/[-'’]/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const keys = raw.map(nameKey);
  for (let i = 0; i < keys.length; i++) {
    if (!placeSaid(raw, keys, i)) continue;
    for (let len = Math.min(index.maxWords, keys.length - i); len >= 1; len--) {
      // A message that starts with a town's name is that name alone (« le port de pêche » is no answer « Le Port »).
      if (i === 0 && len !== keys.length) continue;
      const k = keys.slice(i, i + len).join(' ');
      const dep = index.names.get(k);
      if (!dep) continue;
      const capital = /^\p{Lu}/u.test(raw[i]);
      if (len === 1 && !capital && (index.population.get(k) ?? 0) < BIG_TOWN) continue;
      return dep;
    }
  }
  return undefined;
}
