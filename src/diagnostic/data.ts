// Reading and schema-checking the diagnostic's data files (knowledge/diagnostic/*.fr.json).
// Problems are collected (never only the first) and reported in French: CCI staff edit these files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { KnowledgeError, ajvProblems, displayPath, type Problem } from '../knowledge/validation.js';
import { knowledgeDir, projectRoot } from '../paths.js';

export { KnowledgeError, displayPath, type Problem };

/** Folder of the diagnostic's data files. */
export const diagnosticDir = path.join(knowledgeDir, 'diagnostic');

const schemasDir = path.join(projectRoot, 'src', 'diagnostic', 'schemas');
let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

function validator(schemaFile: string): ValidateFunction {
  let validate = validators.get(schemaFile);
  if (!validate) {
    if (!ajv) {
      ajv = new Ajv({ allErrors: true, strict: true });
      ajv.addSchema(JSON.parse(readFileSync(path.join(schemasDir, 'condition.schema.json'), 'utf8')) as object);
    }
    validate = ajv.compile(JSON.parse(readFileSync(path.join(schemasDir, schemaFile), 'utf8')) as object);
    validators.set(schemaFile, validate);
  }
  return validate;
}

/**
 * Reads a JSON data file and checks it against a schema of src/diagnostic/schemas/.
 * Returns the parsed value when it is well formed, and the problems found (file unreadable, bad JSON,
 * schema errors). Schema errors for one oneOf are reduced to the most useful message.
 */
export function readChecked(file: string, schemaFile: string): { data?: unknown; problems: Problem[] } {
  const shown = displayPath(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { problems: [{ file: shown, message: `fichier illisible (${(err as Error).message})` }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { problems: [{ file: shown, message: `JSON invalide : ${(err as Error).message}` }] };
  }
  const validate = validator(schemaFile);
  if (validate(data)) return { data, problems: [] };
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'if');
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
