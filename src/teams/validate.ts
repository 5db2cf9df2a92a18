// Validation of a Teams app: the manifest and the localization files against Microsoft's JSON schemas
// with Microsoft's validator (@microsoft/app-manifest, see schema.ts), consistency rules the schemas
// cannot express, and the icons (sizes; outline white on transparent). Used by `npm run teams:package`
// and the tests.
import { PNG } from 'pngjs';
import type { Json, TeamsApp } from './manifest.js';
import { localizationSchemaProblems, manifestProblems, type TeamsSchemas } from './schema.js';

/** The value at a localization key such as "bots[0].commandLists[0].commands[1].title". */
function at(root: Json, key: string): Json | undefined {
  let node: Json | undefined = root;
  for (const part of key.split('.')) {
    const m = /^([^[]+)((?:\[\d+\])*)$/.exec(part);
    if (!m || !node || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = (node as Record<string, Json>)[m[1]];
    for (const idx of m[2].match(/\d+/g) ?? []) {
      if (!Array.isArray(node)) return undefined;
      node = node[Number(idx)];
    }
  }
  return node;
}

/** Localization rules beyond the schema: every key names a text of the manifest; full ≠ short. */
export function localizationProblems(name: string, strings: { [key: string]: Json }, manifest: Json): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(strings)) {
    if (key === '$schema' || key === 'localizationKeys' || typeof value !== 'string') continue;
    if (typeof at(manifest, key) !== 'string') problems.push(`${name} : « ${key} » n’existe pas dans le manifeste`);
  }
  if (strings['description.short'] !== undefined && strings['description.short'] === strings['description.full']) {
    problems.push(`${name} : description.full doit différer de description.short`);
  }
  return problems;
}

/** Rules Teams applies that the JSON schema does not express. */
export function consistencyProblems(app: TeamsApp): string[] {
  const m = app.manifest as Record<string, any>;
  const problems: string[] = [];
  if (m.description?.short && m.description.short === m.description.full) {
    problems.push('manifest.json : description.full doit différer de description.short');
  }
  for (const bot of m.bots ?? []) {
    if (bot.botId !== m.id) problems.push('manifest.json : bots[].botId doit être l’identifiant de l’application (MicrosoftAppId)');
  }
  const info = m.localizationInfo ?? {};
  const defaultFile = info.defaultLanguageFile as string | undefined;
  if (defaultFile) {
    // The default language file must say what the manifest says.
    for (const [key, value] of Object.entries(app.localizations[defaultFile] ?? {})) {
      if (key !== '$schema' && at(m, key) !== value) problems.push(`${defaultFile} : « ${key} » diffère du manifeste (langue par défaut)`);
    }
  }
  const tags = [info.defaultLanguageTag, ...(info.additionalLanguages ?? []).map((l: { languageTag: string }) => l.languageTag)];
  if (new Set(tags.map((t) => String(t).toLowerCase())).size !== tags.length) problems.push('manifest.json : langue en double');
  for (const url of [m.developer?.websiteUrl, m.developer?.privacyUrl, m.developer?.termsOfUseUrl]) {
    if (typeof url === 'string' && !url.startsWith('https://')) problems.push(`manifest.json : adresse non https « ${url} »`);
  }
  return problems;
}

/** Size checks, and for the outline icon: every visible pixel is white. */
export function iconProblems(name: string, png: Buffer, size: number, outline: boolean): string[] {
  let image: PNG;
  try {
    image = PNG.sync.read(png);
  } catch (err) {
    return [`${name} : PNG illisible (${(err as Error).message})`];
  }
  const problems: string[] = [];
  if (image.width !== size || image.height !== size) {
    problems.push(`${name} : ${image.width}×${image.height} au lieu de ${size}×${size}`);
  }
  if (outline) {
    let coloured = 0;
    let opaque = 0;
    for (let i = 0; i < image.data.length; i += 4) {
      const a = image.data[i + 3];
      if (a === 0) continue;
      opaque++;
      if (image.data[i] !== 255 || image.data[i + 1] !== 255 || image.data[i + 2] !== 255) coloured++;
    }
    if (coloured > 0) problems.push(`${name} : ${coloured} pixel(s) visibles non blancs (l’icône de contour doit être blanche)`);
    if (opaque === image.width * image.height) problems.push(`${name} : aucun fond transparent`);
    if (opaque === 0) problems.push(`${name} : icône vide`);
  }
  return problems;
}

export interface PackageFiles {
  app: TeamsApp;
  icons: { color: Buffer; outline: Buffer };
}

/** Every problem of a Teams app package; empty when it can be uploaded. */
export async function validateTeamsApp(files: PackageFiles, schemas: TeamsSchemas): Promise<string[]> {
  const { app, icons } = files;
  const problems: string[] = [];
  problems.push(...(await manifestProblems('manifest.json', app.manifest, schemas.manifest)));
  for (const [name, strings] of Object.entries(app.localizations)) {
    problems.push(...localizationSchemaProblems(name, strings, schemas.localization));
    problems.push(...localizationProblems(name, strings, app.manifest));
  }
  problems.push(...consistencyProblems(app));
  problems.push(...iconProblems('color.png', icons.color, 192, false));
  problems.push(...iconProblems('outline.png', icons.outline, 32, true));
  return problems;
}
