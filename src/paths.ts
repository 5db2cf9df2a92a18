// Where the project's data folders are, whether we run from src/ (ts-jest) or dist/src/ (npm start).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'knowledge'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('[paths] project root not found (package.json + knowledge/)');
    dir = parent;
  }
}

export const projectRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));
export const knowledgeDir = path.join(projectRoot, 'knowledge');
export const webDir = path.join(projectRoot, 'web');
export const teamsDir = path.join(projectRoot, 'teams');

/** The version in package.json (shown by /healthz). */
export function readVersion(): string {
  return JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')).version;
}
