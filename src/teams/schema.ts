// Microsoft's Teams manifest and localization JSON schemas, and Microsoft's validator, both from the
// @microsoft/app-manifest package (MIT, used by the Microsoft 365 Agents Toolkit). The schemas are read
// from the installed package, never downloaded: a fresh clone validates offline with nothing beside it.
// A manifest version the package does not ship is refused with a clear message: validation is never
// skipped silently. (@microsoft/app-manifest 1.1.2 require()s fs-extra without declaring it: fs-extra is
// a direct dependency of ours for that reason.)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import appManifest from '@microsoft/app-manifest';
import type { Ajv, ErrorObject } from 'ajv';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';

const { AppManifestUtils } = appManifest;
type AjvClass = new (options: Record<string, unknown>) => Ajv;
const Ajv04: AjvClass = ((Ajv04Module as unknown as { default?: AjvClass }).default ?? Ajv04Module) as unknown as AjvClass;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
  formats: string[],
) => Ajv;

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

/** The folder of the Teams schemas inside the installed @microsoft/app-manifest package. */
export const SCHEMA_ROOT = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest')),
  'json-schemas',
  'teams',
);

/** Manifest versions whose schemas the package ships ("1.29", "1.30", …), oldest first. */
export function shippedVersions(root = SCHEMA_ROOT): string[] {
  const versions = existsSync(root) ? readdirSync(root).filter((d) => /^v\d+\.\d+$/.test(d)) : [];
  const num = (v: string) => v.slice(1).split('.').map(Number);
  return versions.sort((a, b) => num(a)[0] - num(b)[0] || num(a)[1] - num(b)[1]).map((v) => v.slice(1));
}

export type JsonSchema = Record<string, unknown>;

export interface TeamsSchemas {
  manifestVersion: string;
  /** Path of the manifest schema file (for messages). */
  file: string;
  manifest: JsonSchema;
  localization: JsonSchema;
}

function readSchema(file: string): JsonSchema {
  // Microsoft's files may carry a BOM.
  return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as JsonSchema;
}

/** The manifest and localization schemas of `manifestVersion`, from the package, offline. */
export function loadTeamsSchemas(manifestVersion: string, root = SCHEMA_ROOT): TeamsSchemas {
  const dir = path.join(root, `v${manifestVersion}`);
  const file = path.join(dir, 'MicrosoftTeams.schema.json');
  const localizationFile = path.join(dir, 'MicrosoftTeams.Localization.schema.json');
  if (!/^\d+\.\d+$/.test(manifestVersion) || !existsSync(file) || !existsSync(localizationFile)) {
    const shipped = shippedVersions(root).join(', ') || 'aucune';
    throw new TeamsPackageError(
      `Schéma du manifeste Teams v${manifestVersion || '?'} introuvable dans @microsoft/app-manifest (versions fournies : ${shipped}). ` +
        'Le paquet n’est pas produit sans validation : choisissez une version fournie ou mettez à jour @microsoft/app-manifest.',
      `Teams manifest schema v${manifestVersion || '?'} is not shipped by @microsoft/app-manifest. No package is built without validation.`,
    );
  }
  return { manifestVersion, file, manifest: readSchema(file), localization: readSchema(localizationFile) };
}

/** Problems of a manifest against its schema, by Microsoft's validator, as "manifest.json /path message". */
export async function manifestProblems(name: string, manifest: unknown, schema: JsonSchema): Promise<string[]> {
  const failures = await AppManifestUtils.validateAgainstSchema(manifest as never, schema as never);
  return failures.map((f) => `${name} ${f.startsWith('/') ? f : `/ ${f.trimStart()}`}`);
}

const localizationValidators = new WeakMap<JsonSchema, ReturnType<Ajv['compile']>>();

/**
 * Problems of a localization file against Microsoft's localization schema. Microsoft's validator cannot
 * compile that schema (two of its key patterns, `\\b]`, are invalid as Unicode regular expressions), so it
 * is compiled here with the same Ajv draft-04 setup as Microsoft's validator, with Unicode patterns off.
 */
export function localizationSchemaProblems(name: string, strings: unknown, schema: JsonSchema): string[] {
  let validate = localizationValidators.get(schema);
  if (!validate) {
    const ajv = new Ajv04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
    addFormats(ajv, ['uri', 'email', 'regex']);
    validate = ajv.compile(schema);
    localizationValidators.set(schema, validate);
  }
  if (validate(strings)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => {
    const extra = e.keyword === 'additionalProperties' ? ` (${(e.params as { additionalProperty?: string }).additionalProperty})` : '';
    return `${name} ${e.instancePath || '/'} ${e.message ?? e.keyword}${extra}`;
  });
}
