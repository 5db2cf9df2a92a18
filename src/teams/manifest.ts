// The Teams app manifest and its localization files, filled from the configuration.
// teams/manifest.template.json, teams/fr.json and teams/en.json hold {{PLACEHOLDERS}} in string
// values; they are replaced in the parsed JSON (never in raw text), so a value cannot break the JSON.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { VirageConfig } from '../config.js';
import { teamsDir } from '../paths.js';
import { TeamsPackageError } from './schema.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface TeamsAppSettings {
  microsoftAppId: string;
  /** https origin (and optional path) where Virage is reachable, without a trailing slash. */
  publicUrl: string;
  brandTitle: string;
  accentColor: string;
  version: string;
}

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

/** Checks what the package needs from the configuration; every problem at once, in French and English. */
export function teamsAppSettings(config: VirageConfig, version: string): TeamsAppSettings {
  const fr: string[] = [];
  const en: string[] = [];
  if (!config.microsoftAppId) {
    fr.push('MicrosoftAppId est vide : renseignez l’identifiant d’application du bot Azure (GUID).');
    en.push('MicrosoftAppId is empty: set the Azure bot app id (GUID).');
  } else if (!GUID.test(config.microsoftAppId)) {
    fr.push('MicrosoftAppId n’est pas un GUID.');
    en.push('MicrosoftAppId is not a GUID.');
  }
  if (!config.publicUrl) {
    fr.push('PUBLIC_URL est vide : indiquez l’adresse https publique de Virage (ex. https://virage.cci-exemple.fr).');
    en.push('PUBLIC_URL is empty: set the public https address of Virage.');
  } else if (!config.publicUrl.startsWith('https://')) {
    fr.push(`PUBLIC_URL doit commencer par https:// (Teams l’exige) : « ${config.publicUrl} ».`);
    en.push(`PUBLIC_URL must start with https:// (Teams requires it): "${config.publicUrl}".`);
  }
  if (fr.length > 0) {
    throw new TeamsPackageError(`Paquet Teams non produit :\n  ${fr.join('\n  ')}`, `Teams package not built:\n  ${en.join('\n  ')}`);
  }
  return {
    microsoftAppId: config.microsoftAppId.toLowerCase(),
    publicUrl: config.publicUrl!.replace(/\/+$/, ''),
    brandTitle: config.brand.title,
    accentColor: config.brand.accentColor,
    version,
  };
}

export function placeholders(s: TeamsAppSettings): Record<string, string> {
  return {
    MICROSOFT_APP_ID: s.microsoftAppId,
    PUBLIC_URL: s.publicUrl,
    PUBLIC_HOST: new URL(s.publicUrl).host,
    BRAND_TITLE: s.brandTitle,
    ACCENT_COLOR: s.accentColor,
    VERSION: s.version,
  };
}

/** Replaces {{NAME}} in every string of `value`; an unknown name is an error, never left behind. */
export function fill(value: Json, values: Record<string, string>): Json {
  if (typeof value === 'string') {
    return value.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
      if (!(name in values))
        throw new TeamsPackageError(`Variable inconnue dans le modèle : {{${name}}}`, `Unknown template variable: {{${name}}}`);
      return values[name];
    });
  }
  if (Array.isArray(value)) return value.map((v) => fill(v, values));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, values)]));
  }
  return value;
}

export function readJson(file: string): Json {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Json;
  } catch (err) {
    throw new TeamsPackageError(`Fichier JSON illisible : ${file} (${(err as Error).message})`, `Unreadable JSON file: ${file}`);
  }
}

export interface TeamsApp {
  manifest: { [key: string]: Json };
  /** Localization files by their name in the package (fr.json, en.json). */
  localizations: Record<string, { [key: string]: Json }>;
}

/** Reads the template and the localization files it names from `dir` and fills them. */
export function buildTeamsApp(settings: TeamsAppSettings, dir = teamsDir): TeamsApp {
  const values = placeholders(settings);
  const manifest = fill(readJson(path.join(dir, 'manifest.template.json')), values) as TeamsApp['manifest'];
  const info = (manifest.localizationInfo ?? {}) as { defaultLanguageFile?: string; additionalLanguages?: Array<{ file: string }> };
  const files = [info.defaultLanguageFile, ...(info.additionalLanguages ?? []).map((l) => l.file)].filter(
    (f): f is string => typeof f === 'string',
  );
  const localizations: TeamsApp['localizations'] = {};
  for (const file of files) {
    if (path.basename(file) !== file) {
      throw new TeamsPackageError(`Fichier de langue hors du dossier teams/ : ${file}`, `Localization file outside teams/: ${file}`);
    }
    localizations[file] = fill(readJson(path.join(dir, file)), values) as TeamsApp['localizations'][string];
  }
  return { manifest, localizations };
}
