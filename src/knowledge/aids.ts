// Catalogue of public aid for the digital turn: knowledge/aides/nationales.fr.json + regions/<code>-<slug>.fr.json.
// Région identifiers are INSEE région codes as strings ("11" Île-de-France, "84" Auvergne-Rhône-Alpes…); "*" = all.
// Loaded and checked at start by src/content (a broken catalogue stops the start); no I/O on a look-up.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { knowledgeDir } from '../paths.js';
import type { ValidateFunction } from 'ajv';
import { KnowledgeError, ajvProblems, displayPath, isHttpsUrl, schemaValidator, type Problem } from './validation.js';

/** The catalogue's schema, beside it (a path: nothing is read until the catalogue is checked). */
export const AIDS_SCHEMA = path.join(knowledgeDir, 'aides', 'aides.schema.json');

export interface AidSource { title: string; url: string }
export interface Aid {
  id: string;
  name: string;
  operator: string;
  regions: string[];
  eligibility: { sizes: string[]; statuses: string[]; sectors: string[]; conditions?: string };
  kind: string;
  amount: string | null;
  rate: string | null;
  topics: string[];
  status: 'en cours' | 'à vérifier';
  url: string;
  checked: string;
  note?: string;
  sources: AidSource[];
  /** File the entry comes from (relative to the project root). */
  file: string;
}

interface AidFile { scope: 'national' | 'region'; region?: string; regionName?: string; checked: string; schemes: Array<Omit<Aid, 'file'>> }

function aidFiles(dir: string): string[] {
  const files: string[] = [];
  if (existsSync(path.join(dir, 'nationales.fr.json'))) files.push(path.join(dir, 'nationales.fr.json'));
  const regionsDir = path.join(dir, 'regions');
  if (existsSync(regionsDir)) {
    for (const f of readdirSync(regionsDir).sort()) if (f.endsWith('.json')) files.push(path.join(regionsDir, f));
  }
  return files;
}

export interface AidCatalogueOptions {
  /** The schema (default knowledge/aides/aides.schema.json). */
  schema?: string;
  /** INSEE code → name of every région (knowledge/nlu/territoires.fr.json): each needs a file. */
  regions?: Readonly<Record<string, string>>;
}

/** Reads and validates the catalogue of `dir`; returns the valid entries and every problem (never throws). */
export function readAids(dir: string, options: AidCatalogueOptions = {}): { aids: Aid[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const aids: Aid[] = [];
  if (!existsSync(dir)) return { aids, problems: [{ file: displayPath(dir), message: 'dossier du catalogue des aides introuvable' }] };
  const files = aidFiles(dir);
  if (!files.some((f) => f.endsWith('nationales.fr.json'))) problems.push({ file: displayPath(dir), message: 'fichier « nationales.fr.json » manquant' });
  const seenRegions = new Set<string>();
  const seenIds = new Map<string, string>();
  const schema = options.schema ?? AIDS_SCHEMA;
  let validate: ValidateFunction;
  let validateScheme: ValidateFunction;
  try {
    validate = schemaValidator(schema);
    validateScheme = schemaValidator(schema, '#/definitions/scheme');
  } catch (err) {
    return { aids, problems: [{ file: displayPath(schema), message: `schéma illisible (${(err as Error).message})` }] };
  }
  for (const filePath of files) {
    const file = displayPath(filePath);
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(filePath, 'utf8'));
    } catch (err) {
      problems.push({ file, message: `JSON illisible : ${(err as Error).message}` });
      continue;
    }
    if (!validate(doc)) {
      // Errors inside one scheme are reported per scheme below; anything else makes the file unusable.
      const envelope = (validate.errors ?? []).filter((e) => !/^\/schemes\/\d+/.test(e.instancePath));
      if (envelope.length > 0 || !Array.isArray((doc as { schemes?: unknown }).schemes)) {
        problems.push(...ajvProblems(file, envelope.length > 0 ? envelope : validate.errors));
        continue;
      }
    }
    const data = doc as AidFile;
    const national = path.basename(filePath) === 'nationales.fr.json';
    if (national !== (data.scope === 'national')) problems.push({ file, message: `« scope » incohérent avec l'emplacement du fichier` });
    if (data.scope === 'region' && data.region) {
      if (!path.basename(filePath).startsWith(`${data.region}-`)) problems.push({ file, message: `le nom du fichier doit commencer par le code région « ${data.region}- »` });
      if (seenRegions.has(data.region)) problems.push({ file, message: `région « ${data.region} » décrite dans plusieurs fichiers` });
      seenRegions.add(data.region);
    }
    for (const [index, scheme] of data.schemes.entries()) {
      const where = `aide « ${typeof scheme?.id === 'string' ? scheme.id : index + 1} » : `;
      if (!validateScheme(scheme)) {
        problems.push(...ajvProblems(file, validateScheme.errors, where));
        continue;
      }
      const before = problems.length;
      const other = seenIds.get(scheme.id);
      if (other) problems.push({ file, message: `${where}identifiant déjà utilisé dans ${other}` });
      else seenIds.set(scheme.id, file);
      const expected = data.scope === 'national' ? ['*'] : [data.region];
      if (scheme.regions.length !== 1 || scheme.regions[0] !== expected[0]) {
        problems.push({ file, message: `${where}« regions » doit valoir ["${expected[0]}"] dans ce fichier` });
      }
      for (const url of [scheme.url, ...scheme.sources.map((s) => s.url)]) {
        if (!isHttpsUrl(url)) problems.push({ file, message: `${where}adresse mal formée « ${url} »` });
      }
      if (scheme.amount === null && !/à vérifier/i.test(scheme.note ?? '')) {
        problems.push({ file, message: `${where}montant inconnu : ajoutez une note « montant à vérifier auprès de votre CCI »` });
      }
      if (problems.length === before) aids.push({ ...scheme, file });
    }
  }
  for (const [code, name] of Object.entries(options.regions ?? {})) {
    if (!seenRegions.has(code)) problems.push({ file: displayPath(path.join(dir, 'regions')), message: `aucun fichier pour la région ${code} (${name})` });
  }
  return { aids, problems };
}

export function checkAids(dir: string, options: AidCatalogueOptions = {}): Problem[] {
  try {
    return readAids(dir, options).problems;
  } catch (err) {
    return [{ file: displayPath(dir), message: `lecture impossible : ${(err as Error).message}` }];
  }
}

/** The whole catalogue; throws a KnowledgeError listing every problem. */
export function loadAids(dir: string, options: AidCatalogueOptions = {}): Aid[] {
  const { aids, problems } = readAids(dir, options);
  if (problems.length > 0) throw new KnowledgeError('Catalogue des aides invalide', problems);
  return aids;
}

export interface AidQuery {
  /** INSEE région code ("84"); unknown or absent → national schemes only. */
  region?: string;
  sizeBand?: string;
  status?: string;
  /** Sector slug (e.g. "commerce"); absent → sector-restricted schemes are kept, ranked lower. */
  sector?: string;
  /** Digital themes the dirigeant needs (e.g. ["site", "cybersecurite"]). */
  topics?: string[];
  /** The firm exports or wants to: export support is offered only then (or when « export » is a topic). */
  exports?: boolean;
}

export interface AidMatch {
  aid: Aid;
  regional: boolean;
  matchedTopics: string[];
  score: number;
}

/** The words of the catalogue's schema (one source): scheme topics (the vocabulary of plan rules), size bands and statuses. */
export interface AidVocabulary {
  topics: string[];
  sizes: string[];
  /** Without « * » (every status). */
  statuses: string[];
}

/** Reads the enums of the catalogue's schema; throws a French message naming the one that is not a list of texts. */
export function aidVocabulary(schema: string = AIDS_SCHEMA): AidVocabulary {
  type Items = { items?: { enum?: unknown } };
  const doc = JSON.parse(readFileSync(schema, 'utf8')) as {
    definitions?: { scheme?: { properties?: { topics?: Items; eligibility?: { properties?: { sizes?: Items; statuses?: Items } } } } };
  };
  const scheme = doc.definitions?.scheme?.properties;
  const list = (where: string, items: Items | undefined): string[] => {
    const values = items?.items?.enum;
    if (!Array.isArray(values) || !values.every((t) => typeof t === 'string')) {
      throw new Error(`${displayPath(schema)} : definitions.scheme.properties.${where}.items.enum doit être une liste de textes`);
    }
    return values as string[];
  };
  return {
    topics: list('topics', scheme?.topics),
    sizes: list('eligibility.properties.sizes', scheme?.eligibility?.properties?.sizes),
    statuses: list('eligibility.properties.statuses', scheme?.eligibility?.properties?.statuses).filter((x) => x !== '*'),
  };
}

/**
 * National and regional schemes of `catalogue` (loaded at start) that may apply, best first: a topic match counts most, then being regional,
 * then the number of matching topics; schemes to re-check and sector guesses come after confirmed ones. A size band outside the
 * schema's is an error; a status the schema does not name (a profile's own status) filters nothing.
 */
export function findAids(query: AidQuery, catalogue: readonly Aid[], vocabulary: Pick<AidVocabulary, 'sizes' | 'statuses'>): AidMatch[] {
  if (query.sizeBand !== undefined && !vocabulary.sizes.includes(query.sizeBand)) throw new RangeError(`unknown size band: ${query.sizeBand}`);
  const status = query.status !== undefined && vocabulary.statuses.includes(query.status) ? query.status : undefined;
  const topics = new Set(query.topics ?? []);
  const matches: AidMatch[] = [];
  for (const aid of catalogue) {
    const regional = !aid.regions.includes('*');
    if (regional && (query.region === undefined || !aid.regions.includes(query.region))) continue;
    const e = aid.eligibility;
    if (query.sizeBand && !e.sizes.includes(query.sizeBand)) continue;
    if (status && !statusMatches(e.statuses, status)) continue;
    if (aid.topics.includes('export') && !query.exports && !topics.has('export')) continue;
    const anySector = e.sectors.includes('*');
    if (query.sector && !anySector && !e.sectors.includes(query.sector)) continue;
    const matchedTopics = aid.topics.filter((t) => topics.has(t));
    const general = aid.topics.includes('transformation');
    let score = matchedTopics.length > 0 ? 20 : general ? 10 : 0;
    score += (regional ? 5 : 0) + matchedTopics.length + (aid.status === 'en cours' ? 0.5 : 0);
    if (!query.sector && !anySector) score -= 3;
    matches.push({ aid, regional, matchedTopics, score });
  }
  return matches.sort((a, b) => b.score - a.score || a.aid.name.localeCompare(b.aid.name, 'fr'));
}

/**
 * "entreprise" covers every business status; "*" covers everyone, associations included. Asked for
 * "entreprise" (a business whose status is not known), a scheme open to some business status may apply.
 */
function statusMatches(allowed: readonly string[], status: string): boolean {
  if (allowed.includes('*') || allowed.includes(status)) return true;
  if (status === 'entreprise') return allowed.some((s) => s !== 'association');
  return allowed.includes('entreprise') && status !== 'association';
}
