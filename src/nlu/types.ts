// Types shared by the NLU extractors and the `interpret` contract (see index.ts).

/** What an extractor returns: a typed value with a confidence in [0, 1], or « not understood ». */
export type Extraction<T> = { ok: true; value: T; confidence: number } | { ok: false; reason: 'not_understood' };

export const notUnderstood = { ok: false, reason: 'not_understood' } as const;

export function found<T>(value: T, confidence: number): Extraction<T> {
  return { ok: true, value, confidence: Math.max(0, Math.min(1, confidence)) };
}

export type YesNo = 'yes' | 'partly' | 'no' | 'dont_know' | 'not_concerned';

/**
 * A quantity said by the user. `value` is the best single figure; `min`/`max` bound it when known
 * (absent = unbounded). exact: « 12 »; approx: « une quinzaine », « environ 10 »;
 * range: « entre 10 et 20 »; below: « moins de 5 » (max 5); above: « plus de 50 » (min 50).
 */
export interface Quantity {
  kind: 'exact' | 'approx' | 'range' | 'below' | 'above';
  value: number;
  min?: number;
  max?: number;
}

export interface Money extends Quantity {
  currency: 'EUR';
  /** When the user said it (« par mois », « /an »); absent otherwise. */
  period?: 'month' | 'year';
}

/** Size bands of the Baromètre France Num, counted in employees (salariés). */
export type SizeBand = '0' | '1-4' | '5-9' | '10-49' | '50-249' | '250+';

export interface Size {
  band: SizeBand;
  /** Employees as understood (absent when only a band is known, e.g. « je suis seul » gives 0). */
  employees?: number;
  /** When the words span two bands (« 4 ou 5 salariés »), both: the dialog asks which. */
  alternatives?: SizeBand[];
}

export interface SectorMatch {
  id: string;
  label: string;
  /** Band of the Baromètre France Num the sector is reported in. */
  band: string;
}

export interface Location {
  /** Département code (« 33 », « 2A », « 974 »), absent when only a région was said. */
  departement?: string;
  departementName?: string;
  /** Région INSEE code (« 75 ») and name (« Nouvelle-Aquitaine »). */
  region: string;
  regionName: string;
  /** How it was found. */
  via: 'postal_code' | 'departement_code' | 'departement_name' | 'city' | 'region';
}

/** An option of a choice question, as the dialog defines it. */
export interface ChoiceOption {
  id: string;
  label: string;
  synonyms?: string[];
}

export interface MultiChoice {
  ids: string[];
  /** Options the user explicitly excluded (« pas de site »). */
  excluded: string[];
  /** The user chose none of them (« aucun », « rien de tout ça »). */
  none: boolean;
}
