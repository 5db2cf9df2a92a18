// Builds the upload-ready Teams app package (a zip with manifest.json, the two icons and the
// localization files at its root), after validating it; and reads one back (for the tests and for
// checking a package someone hands over).
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import type { VirageConfig } from '../config.js';
import { projectRoot, teamsDir } from '../paths.js';
import { buildTeamsApp, teamsAppSettings, type Json, type TeamsApp } from './manifest.js';
import { loadTeamsSchemas, TeamsPackageError } from './schema.js';
import { validateTeamsApp, type PackageFiles } from './validate.js';

export const DEFAULT_PACKAGE_FILE = path.join(projectRoot, 'dist', 'teams', 'virage-teams.zip');

export interface PackageOptions {
  config: VirageConfig;
  version: string;
  outFile?: string;
  /** Folder with manifest.template.json, the localization files and icons/ (default: teams/). */
  sourceDir?: string;
}

export interface BuiltPackage {
  file: string;
  entries: string[];
  manifest: TeamsApp['manifest'];
}

function iconNames(manifest: TeamsApp['manifest']): { color: string; outline: string } {
  const icons = (manifest.icons ?? {}) as { color?: string; outline?: string };
  return { color: icons.color ?? 'color.png', outline: icons.outline ?? 'outline.png' };
}

/** Fills, validates and zips the app. Throws TeamsPackageError (French and English) on any problem. */
export async function buildTeamsPackage(options: PackageOptions): Promise<BuiltPackage> {
  const settings = teamsAppSettings(options.config, options.version);
  const sourceDir = options.sourceDir ?? teamsDir;
  const app = buildTeamsApp(settings, sourceDir);
  const manifestVersion = String(app.manifest.manifestVersion ?? '');
  const schemas = loadTeamsSchemas(manifestVersion);
  const names = iconNames(app.manifest);
  const readIcon = (name: string) => {
    try {
      return readFileSync(path.join(sourceDir, 'icons', name));
    } catch {
      throw new TeamsPackageError(
        `Icône introuvable : teams/icons/${name} (régénérez-la : npm run build && node dist/scripts/teams-icons.js).`,
        `Icon not found: teams/icons/${name}.`,
      );
    }
  };
  const files: PackageFiles = { app, icons: { color: readIcon(names.color), outline: readIcon(names.outline) } };
  const problems = await validateTeamsApp(files, schemas);
  if (problems.length > 0) {
    throw new TeamsPackageError(
      `Le manifeste Teams n’est pas valide (MicrosoftTeams.schema.json v${manifestVersion}) :`,
      `The Teams manifest is invalid (MicrosoftTeams.schema.json v${manifestVersion}):`,
      problems,
    );
  }
  const zip = new AdmZip();
  const json = (value: Json) => Buffer.from(JSON.stringify(value, null, 2) + '\n', 'utf8');
  zip.addFile('manifest.json', json(app.manifest));
  zip.addFile(names.color, files.icons.color);
  zip.addFile(names.outline, files.icons.outline);
  for (const [name, strings] of Object.entries(app.localizations)) zip.addFile(name, json(strings));
  const file = options.outFile ?? DEFAULT_PACKAGE_FILE;
  mkdirSync(path.dirname(file), { recursive: true });
  zip.writeZip(file);
  return { file, entries: zip.getEntries().map((e) => e.entryName), manifest: app.manifest };
}

/** Reads a package back into what validateTeamsApp checks. */
export function readTeamsPackage(file: string): PackageFiles & { entries: string[] } {
  const zip = new AdmZip(file);
  const entries = zip.getEntries().map((e) => e.entryName);
  const read = (name: string): Buffer => {
    const entry = zip.getEntry(name);
    if (!entry) throw new TeamsPackageError(`Fichier absent du paquet : ${name}`, `File missing from the package: ${name}`);
    return entry.getData();
  };
  const manifest = JSON.parse(read('manifest.json').toString('utf8')) as TeamsApp['manifest'];
  const info = (manifest.localizationInfo ?? {}) as { defaultLanguageFile?: string; additionalLanguages?: Array<{ file: string }> };
  const localizations: TeamsApp['localizations'] = {};
  for (const name of [info.defaultLanguageFile, ...(info.additionalLanguages ?? []).map((l) => l.file)]) {
    if (name) localizations[name] = JSON.parse(read(name).toString('utf8'));
  }
  const names = iconNames(manifest);
  return { entries, app: { manifest, localizations }, icons: { color: read(names.color), outline: read(names.outline) } };
}
