// The advisors directory (CCIs, départements, office hours, contacts, advisors) as a JSON file,
// checked against knowledge/conseillers/conseillers.schema.json plus cross-checks at load.
// The live file is ADVISORS_FILE (default DATA_DIR/conseillers.json), seeded from the example.
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { knowledgeDir } from '../paths.js';
import type { Advisor, AdvisorsDirectory, Cci } from './types.js';
import { WEEKDAYS } from './types.js';

export const EXAMPLE_DIRECTORY = path.join(knowledgeDir, 'conseillers', 'conseillers.exemple.json');
const SCHEMA_FILE = path.join(knowledgeDir, 'conseillers', 'conseillers.schema.json');

export class DirectoryError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Annuaire des conseillers invalide (${file}) :\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'DirectoryError';
  }
}

type FormatsPlugin = (ajv: Ajv) => Ajv;
const addFormats: FormatsPlugin =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? (addFormatsModule as unknown as FormatsPlugin);

let validator: ReturnType<Ajv['compile']> | undefined;
function validate(data: unknown): string[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
  }
  if (validator(data)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || '(racine)'} : ${e.message ?? 'valeur refusée'}`);
}

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Checks beyond the schema: unique ids and logins, one CCI per département, sane intervals. */
function crossCheck(dir: AdvisorsDirectory): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const logins = new Map<string, string>();
  const deps = new Map<string, string>();
  for (const cci of dir.ccis) {
    if (ids.has(cci.id)) problems.push(`CCI « ${cci.id} » en double`);
    ids.add(cci.id);
    for (const d of cci.departements) {
      if (deps.has(d)) problems.push(`le département ${d} est couvert par « ${deps.get(d)} » et « ${cci.id} »`);
      deps.set(d, cci.id);
    }
    for (const day of WEEKDAYS) {
      const sorted = [...cci.hours[day]].sort((a, b) => minutes(a[0]) - minutes(b[0]));
      sorted.forEach(([s, e], i) => {
        if (minutes(e) <= minutes(s)) problems.push(`${cci.id}, ${day} : la plage ${s}–${e} finit avant de commencer`);
        const next = sorted[i + 1];
        if (next && minutes(next[0]) < minutes(e))
          problems.push(`${cci.id}, ${day} : les plages ${s}–${e} et ${next[0]}–${next[1]} se chevauchent`);
      });
    }
    for (const a of cci.advisors) {
      if (logins.has(a.login)) problems.push(`identifiant « ${a.login} » utilisé dans « ${logins.get(a.login)} » et « ${cci.id} »`);
      logins.set(a.login, cci.id);
    }
  }
  if (!ids.has(dir.fallbackCci)) problems.push(`fallbackCci « ${dir.fallbackCci} » ne correspond à aucune CCI`);
  return problems;
}

export function parseDirectory(text: string, file = '(annuaire)'): AdvisorsDirectory {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new DirectoryError(file, [`JSON illisible : ${(err as Error).message}`]);
  }
  const problems = validate(data);
  if (problems.length) throw new DirectoryError(file, problems);
  const dir = data as AdvisorsDirectory;
  const more = crossCheck(dir);
  if (more.length) throw new DirectoryError(file, more);
  return dir;
}

export function loadDirectory(file: string): AdvisorsDirectory {
  return parseDirectory(readFileSync(file, 'utf8'), file);
}

/** Loads the live directory, creating it from the example on first use. */
export function loadOrSeedDirectory(file: string): AdvisorsDirectory {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    copyFileSync(EXAMPLE_DIRECTORY, file);
  }
  return loadDirectory(file);
}

/** JSON with arrays of scalars (hours, départements) kept on one line, easy to edit by hand. */
export function formatDirectory(dir: AdvisorsDirectory): string {
  const text = JSON.stringify(dir, null, 2);
  let prev = '';
  let out = text;
  const inline = /\[\s*((?:"[^"\n]*"|\[[^[\]{}\n]*\])(?:,\s*(?:"[^"\n]*"|\[[^[\]{}\n]*\]))*)\s*\]/g;
  while (prev !== out) {
    prev = out;
    out = out.replace(inline, (_m, inner: string) => `[${inner.replace(/,\s*/g, ', ')}]`);
  }
  return out + '\n';
}

/** Validates, then writes atomically (temporary file + rename), mode 0600 (it holds hashes). */
export function saveDirectory(file: string, dir: AdvisorsDirectory): void {
  const text = formatDirectory(dir);
  parseDirectory(text, file);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, file);
}

export function findCci(dir: AdvisorsDirectory, id: string): Cci | undefined {
  return dir.ccis.find((c) => c.id === id);
}

export function findAdvisor(dir: AdvisorsDirectory, login: string): { cci: Cci; advisor: Advisor } | undefined {
  for (const cci of dir.ccis) {
    const advisor = cci.advisors.find((a) => a.login === login);
    if (advisor) return { cci, advisor };
  }
  return undefined;
}

/** Adds or updates an advisor (same login in the same CCI: new name and hash). */
export function upsertAdvisor(dir: AdvisorsDirectory, cciId: string, advisor: Advisor): AdvisorsDirectory {
  const cci = findCci(dir, cciId);
  if (!cci) throw new DirectoryError('(annuaire)', [`aucune CCI « ${cciId} » (CCI connues : ${dir.ccis.map((c) => c.id).join(', ')})`]);
  const elsewhere = findAdvisor(dir, advisor.login);
  if (elsewhere && elsewhere.cci.id !== cciId) {
    throw new DirectoryError('(annuaire)', [`l’identifiant « ${advisor.login} » appartient déjà à « ${elsewhere.cci.id} »`]);
  }
  const advisors = cci.advisors.filter((a) => a.login !== advisor.login);
  advisors.push(advisor);
  return { ...dir, ccis: dir.ccis.map((c) => (c.id === cciId ? { ...c, advisors } : c)) };
}
