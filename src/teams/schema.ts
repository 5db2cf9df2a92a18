// Microsoft's Teams manifest JSON schema, loaded from disk and compiled without any network access.
// The schemas in ../shared/reference/teams-manifest-schema/ (OfficeDev/microsoft-teams-app-schema,
// MIT) are draft-04: ajv-draft-04 compiles them. Draft-07 and 2019-09/2020-12 schemas are accepted
// too, with the matching Ajv class. A schema that is missing, of another draft, or that refers to
// another document (a remote $ref ajv would have to download) is refused with a clear message:
// validation is never skipped silently.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type AnySchemaObject, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { projectRoot } from '../paths.js';

type FormatsPlugin = (ajv: Ajv) => Ajv;
const addFormats: FormatsPlugin =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? (addFormatsModule as unknown as FormatsPlugin);
type AjvClass = new (options: Record<string, unknown>) => Ajv;
const Ajv04: AjvClass = ((Ajv04Module as unknown as { default?: AjvClass }).default ?? Ajv04Module) as unknown as AjvClass;

/** Where the schemas are, unless TEAMS_SCHEMA_DIR says otherwise: ../shared/ beside the project. */
export const DEFAULT_SCHEMA_DIR = path.resolve(projectRoot, '..', 'shared', 'reference', 'teams-manifest-schema');

export class TeamsPackageError extends Error {
  constructor(
    fr: string,
    en: string,
    readonly problems: string[] = [],
  ) {
    super(`${fr}\n${en}${problems.length ? '\n' + problems.map((p) => `  - ${p}`).join('\n') : ''}`);
    this.name = 'TeamsPackageError';
  }
}

export function schemaDir(env: Record<string, string | undefined> = process.env): string {
  return env.TEAMS_SCHEMA_DIR ? path.resolve(env.TEAMS_SCHEMA_DIR) : DEFAULT_SCHEMA_DIR;
}

export function schemaFile(dir: string, manifestVersion: string): string {
  return path.join(dir, `MicrosoftTeams.v${manifestVersion}.schema.json`);
}

export interface LoadedSchema {
  file: string;
  schema: AnySchemaObject;
  validate: ValidateFunction;
}

const DRAFTS: Array<[RegExp, AjvClass]> = [
  [/^https?:\/\/json-schema\.org\/draft-04\/schema#?$/, Ajv04],
  [/^https?:\/\/json-schema\.org\/draft-07\/schema#?$/, Ajv as unknown as AjvClass],
  [/^https:\/\/json-schema\.org\/draft\/2019-09\/schema$/, Ajv2019 as unknown as AjvClass],
  [/^https:\/\/json-schema\.org\/draft\/2020-12\/schema$/, Ajv2020 as unknown as AjvClass],
];

/** Every `$ref` that points outside the schema document itself. */
export function remoteRefs(schema: unknown): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) found.add(value);
      else visit(value);
    }
  };
  visit(schema);
  return [...found];
}

/** Loads and compiles the manifest schema of `manifestVersion` from `dir`, offline. */
export function loadManifestSchema(dir: string, manifestVersion: string): LoadedSchema {
  const file = schemaFile(dir, manifestVersion);
  if (!existsSync(file)) {
    throw new TeamsPackageError(
      `Schéma du manifeste Teams introuvable : ${file}. Le paquet n’est pas produit sans validation. ` +
        `Indiquez le dossier des schémas avec TEAMS_SCHEMA_DIR (fichiers MicrosoftTeams.vX.Y.schema.json).`,
      `Teams manifest schema not found: ${file}. No package is built without validation. ` +
        `Point TEAMS_SCHEMA_DIR at the folder holding MicrosoftTeams.vX.Y.schema.json.`,
    );
  }
  let schema: AnySchemaObject;
  try {
    schema = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new TeamsPackageError(`Schéma illisible (${file}) : ${(err as Error).message}`, `Unreadable schema (${file}).`);
  }
  const draft = String(schema.$schema ?? '');
  const AjvFor = DRAFTS.find(([re]) => re.test(draft))?.[1];
  if (!AjvFor) {
    throw new TeamsPackageError(
      `Version de JSON Schema non prise en charge dans ${file} : « ${draft || 'absente'} » (attendu : draft-04, draft-07, 2019-09 ou 2020-12).`,
      `Unsupported JSON Schema version in ${file}: "${draft || 'missing'}".`,
    );
  }
  const remote = remoteRefs(schema);
  if (remote.length > 0) {
    throw new TeamsPackageError(
      `Le schéma ${file} renvoie à d’autres documents ($ref distants) ; la validation se fait hors ligne et ne les télécharge pas.`,
      `The schema ${file} refers to other documents (remote $ref); validation is offline and does not download them.`,
      remote,
    );
  }
  // strict: false — Microsoft's schemas carry keywords ajv's strict mode rejects (e.g. "default" next
  // to "$ref"); they do not change what is valid.
  const ajv = new AjvFor({ allErrors: true, strict: false, validateSchema: true });
  addFormats(ajv);
  // Without an $id of their own the schemas would be keyed by their $schema URL: compile as is.
  const validate = ajv.compile(schema);
  return { file, schema, validate };
}

/** Ajv errors as short lines: "/name/short : must NOT have more than 30 characters". */
export function formatAjvErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const where = e.instancePath || '/';
    const extra =
      e.keyword === 'additionalProperties' ? ` (${(e.params as { additionalProperty?: string }).additionalProperty})` : '';
    return `${where} : ${e.message ?? e.keyword}${extra}`;
  });
}
