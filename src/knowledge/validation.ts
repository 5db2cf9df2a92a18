// Shared validation helpers for the knowledge base (guides and aid catalogue).
// Problems are reported in French (they are read by CCI staff who curate the content), with the file name.
import { readFileSync } from 'node:fs';
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

const ajvs = new Map<string, Ajv>();

/**
 * Compiled validator for a schema file of src/knowledge/schemas/ (read from the source tree, cached);
 * `fragment` selects a sub-schema, e.g. "#/definitions/scheme".
 */
export function schemaValidator(schemaFile: string, fragment = ''): ValidateFunction {
  let ajv = ajvs.get(schemaFile);
  if (!ajv) {
    const schemaPath = path.join(projectRoot, 'src', 'knowledge', 'schemas', schemaFile);
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
    ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
    addFormats(ajv);
    ajv.addSchema(schema, schemaFile);
    ajvs.set(schemaFile, ajv);
  }
  const validate = ajv.getSchema(`${schemaFile}${fragment}`);
  if (!validate) throw new Error(`[knowledge] schema not found: ${schemaFile}${fragment}`);
  return validate;
}

/** Ajv errors as French problems. `where` prefixes the location (e.g. an aid id). */
export function ajvProblems(file: string, errors: ErrorObject[] | null | undefined, where = ''): Problem[] {
  return (errors ?? []).map((e) => ({ file, message: `${where}${describeAjvError(e)}` }));
}

function describeAjvError(e: ErrorObject): string {
  const field = e.instancePath ? `champ « ${e.instancePath.slice(1).replace(/\//g, '.')} »` : 'document';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `${field} : champ obligatoire « ${String(p.missingProperty)} » manquant`;
    case 'additionalProperties':
      return `${field} : champ inconnu « ${String(p.additionalProperty)} »`;
    case 'type':
      return `${field} : type attendu ${String(p.type)}`;
    case 'minItems':
      return `${field} : au moins ${String(p.limit)} élément(s) requis`;
    case 'minLength':
      return `${field} : texte trop court (au moins ${String(p.limit)} caractère(s))`;
    case 'maxLength':
      return `${field} : texte trop long (au plus ${String(p.limit)} caractères)`;
    case 'uniqueItems':
      return `${field} : valeurs en double`;
    case 'enum':
      return `${field} : valeur non autorisée (valeurs possibles : ${(p.allowedValues as unknown[]).join(', ')})`;
    case 'pattern':
      return `${field} : format incorrect (motif attendu ${String(p.pattern)})`;
    case 'format':
      return `${field} : format « ${String(p.format)} » incorrect`;
    default:
      return `${field} : ${e.message ?? e.keyword}`;
  }
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

/** A calendar date written YYYY-MM-DD that exists (2026-02-30 is rejected). */
export function isIsoDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
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
