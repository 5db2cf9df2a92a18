// Shared validation helpers for everything under knowledge/: each data file is checked against the schema
// kept beside it (<name>.schema.json in the same folder).
// Problems are reported in French (they are read by CCI staff who curate the content), with the file name.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { projectRoot } from '../paths.js';

/** One problem found in the knowledge base: which file, and what is wrong (in French). */
export interface Problem {
  file: string;
  message: string;
}

/** Thrown by the loaders when the content is invalid; carries every problem found, not just the first. */
export class KnowledgeError extends Error {
  readonly problems: Problem[];
  constructor(what: string, problems: Problem[]) {
    super(`${what} : ${problems.length} problème(s)\n${formatProblems(problems)}`);
    this.name = 'KnowledgeError';
    this.problems = problems;
  }
}

export function formatProblems(problems: Problem[]): string {
  return problems.map((p) => `- ${p.file} : ${p.message}`).join('\n');
}

/** Path of a file as shown to people: relative to the project root when inside it. */
export function displayPath(file: string): string {
  const rel = path.relative(projectRoot, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
}

type FormatsPlugin = (ajv: Ajv) => Ajv;
const addFormats: FormatsPlugin =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? (addFormatsModule as unknown as FormatsPlugin);

/** One Ajv per folder of knowledge/: every `*.schema.json` of the folder, so they can `$ref` each other. */
const ajvs = new Map<string, { ajv: Ajv; ids: Map<string, string> }>();

function folderAjv(dir: string): { ajv: Ajv; ids: Map<string, string> } {
  let entry = ajvs.get(dir);
  if (!entry) {
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
    addFormats(ajv);
    const ids = new Map<string, string>();
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.schema.json')).sort()) {
      const schema = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { $id?: string };
      const id = schema.$id ?? name;
      ajv.addSchema(schema, id);
      ids.set(name, id);
    }
    entry = { ajv, ids };
    ajvs.set(dir, entry);
  }
  return entry;
}

/**
 * Compiled validator for a schema file kept beside its data (e.g. knowledge/nlu/intents.schema.json), cached;
 * `fragment` selects a sub-schema, e.g. "#/definitions/scheme". Throws when the schema itself is unreadable.
 */
export function schemaValidator(schemaPath: string, fragment = ''): ValidateFunction {
  const { ajv, ids } = folderAjv(path.dirname(path.resolve(schemaPath)));
  const id = ids.get(path.basename(schemaPath));
  const validate = id ? ajv.getSchema(`${id}${fragment}`) : undefined;
  if (!validate) throw new Error(`[knowledge] schema not found: ${displayPath(schemaPath)}${fragment}`);
  return validate;
}

/** Ajv errors as French problems. `where` prefixes the location (e.g. an aid id). */
export function ajvProblems(file: string, errors: ErrorObject[] | null | undefined, where = ''): Problem[] {
  const messages = (errors ?? []).map((e) => `${where}${describeAjvError(e)}`);
  return [...new Set(messages)].map((message) => ({ file, message }));
}

/** "/questions/3/options/0/label" → "questions[3].options[0].label". */
export function fieldPath(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}

const TYPE_NAMES: Record<string, string> = {
  array: 'une liste', object: 'un objet (des champs « nom: valeur »)', string: 'un texte', number: 'un nombre',
  integer: 'un nombre entier', boolean: 'true ou false', null: 'null',
};

function describeAjvError(e: ErrorObject): string {
  const field = fieldPath(e.instancePath);
  const at = field ? `${field} : ` : '';
  const p = e.params as Record<string, unknown>;
  if (p.propertyName !== undefined) return `${at}nom de champ « ${String(p.propertyName)} » non autorisé`;
  switch (e.keyword) {
    case 'required':
      return `${at}champ obligatoire « ${String(p.missingProperty)} » manquant`;
    case 'additionalProperties':
      return `${at}champ inconnu « ${String(p.additionalProperty)} » (faute de frappe ?)`;
    case 'type': {
      const types = String(p.type).split(',').map((t) => TYPE_NAMES[t] ?? t);
      return `${field || 'le document'} doit être ${types.join(' ou ')}`;
    }
    case 'minItems':
      return `${at}au moins ${String(p.limit)} élément(s) requis`;
    case 'minLength':
      return `${at}texte trop court (au moins ${String(p.limit)} caractère(s))`;
    case 'maxLength':
      return `${at}texte trop long (au plus ${String(p.limit)} caractères)`;
    case 'uniqueItems':
      return `${at}valeurs en double`;
    case 'enum':
      return `${at}valeur non autorisée (valeurs possibles : ${(p.allowedValues as unknown[]).join(', ')})`;
    case 'const':
      return `${at}valeur non autorisée (attendu : ${String(p.allowedValue)})`;
    case 'pattern':
      return `${at}format incorrect (motif attendu ${String(p.pattern)})`;
    case 'format':
      return `${at}format « ${String(p.format)} » incorrect`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${at}doit être ${String(p.comparison)} ${String(p.limit)}`;
    default:
      return `${at}${e.message ?? e.keyword}`;
  }
}

/**
 * Reads a JSON data file and checks it against its schema (a file beside it). Returns the parsed value when
 * it is well formed, and the problems found (file unreadable, bad JSON, schema errors); never throws.
 * Schema errors of one oneOf/anyOf are reduced to the most useful messages.
 */
export function readChecked(file: string, schemaPath: string): { data?: unknown; problems: Problem[] } {
  const shown = displayPath(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    return { problems: [{ file: shown, message: missing ? 'fichier manquant' : `fichier illisible (${(err as Error).message})` }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { problems: [{ file: shown, message: `JSON invalide : ${(err as Error).message}` }] };
  }
  let validate: ValidateFunction;
  try {
    validate = schemaValidator(schemaPath);
  } catch (err) {
    return { problems: [{ file: displayPath(schemaPath), message: `schéma illisible (${(err as Error).message})` }] };
  }
  if (validate(data)) return { data, problems: [] };
  const errors = (validate.errors ?? []).filter((e) => !['oneOf', 'anyOf', 'if'].includes(e.keyword));
  // Report each location once: a broken condition fails every branch of its oneOf.
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { problems: ajvProblems(shown, unique) };
}

/** Throws one aggregated, readable error when there are problems. */
export function throwIfProblems(what: string, problems: Problem[]): void {
  if (problems.length) throw new KnowledgeError(what, problems);
}

/** A well-formed https URL with a real host name (e.g. https://www.francenum.gouv.fr/...). */
export function isHttpsUrl(value: unknown): boolean {
  if (typeof value !== 'string' || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(url.hostname);
  } catch {
    return false;
  }
}

/** Lower-case ASCII slug: « Qu'est-ce que l'IA ? » → "qu-est-ce-que-l-ia". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
