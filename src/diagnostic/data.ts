// Reading and schema-checking the diagnostic's data files (knowledge/diagnostic/*.fr.json), each against the
// schema beside it (knowledge/diagnostic/*.schema.json). Problems are collected (never only the first) and
// reported in French: CCI staff edit these files.
import path from 'node:path';
import { KnowledgeError, displayPath, readChecked as readJsonChecked, throwIfProblems, type Problem } from '../knowledge/validation.js';
import { knowledgeDir } from '../paths.js';

export { KnowledgeError, displayPath, throwIfProblems, type Problem };

/** Folder of the diagnostic's data files and their schemas. */
export const diagnosticDir = path.join(knowledgeDir, 'diagnostic');

/**
 * Reads a JSON data file and checks it against a schema of `schemasDir` (default knowledge/diagnostic/).
 * Returns the parsed value when it is well formed, and the problems found; never throws.
 */
export function readChecked(file: string, schemaFile: string, schemasDir: string = diagnosticDir): { data?: unknown; problems: Problem[] } {
  return readJsonChecked(file, path.join(schemasDir, schemaFile));
}
