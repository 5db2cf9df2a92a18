// npm run teams:package's builder: fills the manifest from the configuration, validates it against
// Microsoft's schema with Microsoft's validator (@microsoft/app-manifest, offline), zips it; refuses clearly when something is missing or invalid.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { loadConfig } from '../../src/config.js';
import { teamsDir } from '../../src/paths.js';
import { drawColorIcon, drawOutlineIcon } from '../../src/teams/icons.js';
import { buildTeamsPackage, readTeamsPackage } from '../../src/teams/package.js';
import { loadTeamsSchemas, shippedVersions, TeamsPackageError } from '../../src/teams/schema.js';
import { validateTeamsApp } from '../../src/teams/validate.js';

const APP_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const tmp = () => mkdtempSync(path.join(tmpdir(), 'virage-teams-'));
const config = (env: Record<string, string> = {}) =>
  loadConfig({ NODE_ENV: 'test', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', PUBLIC_URL: 'https://virage.cci-exemple.fr', ...env });
const build = (over: Partial<Parameters<typeof buildTeamsPackage>[0]> = {}) =>
  buildTeamsPackage({ config: config(), version: '1.2.3', outFile: path.join(tmp(), 'app.zip'), ...over });
const errorOf = async (fn: () => unknown): Promise<TeamsPackageError> => {
  try {
    await fn();
  } catch (err) {
    if (err instanceof TeamsPackageError) return err;
    throw err;
  }
  throw new Error('expected a TeamsPackageError');
};

describe('Teams app package', () => {
  it('builds a zip that validates against the manifest schema once unzipped', async () => {
    const built = await build();
    const pkg = readTeamsPackage(built.file);
    expect(pkg.entries.sort()).toEqual(['color.png', 'en.json', 'fr.json', 'manifest.json', 'outline.png']);
    const m = pkg.app.manifest as any;
    expect(m.manifestVersion).toBe('1.29');
    expect(m.id).toBe(APP_ID);
    expect(m.bots[0]).toMatchObject({ botId: APP_ID, scopes: ['personal'] });
    expect(m.developer).toMatchObject({
      websiteUrl: 'https://virage.cci-exemple.fr',
      privacyUrl: 'https://virage.cci-exemple.fr/confidentialite',
      termsOfUseUrl: 'https://virage.cci-exemple.fr/conditions',
    });
    expect(m.validDomains).toEqual(['virage.cci-exemple.fr']);
    expect(m.accentColor).toBe('#e69138');
    expect(m.version).toBe('1.2.3');
    expect(m.localizationInfo.defaultLanguageTag).toBe('fr');
    expect(pkg.app.localizations['en.json']['name.full']).toMatch(/assistant/);
    expect(JSON.stringify(pkg.app)).not.toMatch(/\{\{/);
    expect(await validateTeamsApp(pkg, loadTeamsSchemas('1.29'))).toEqual([]);
  });

  it('takes the accent colour and the brand from the configuration', async () => {
    const built = await buildTeamsPackage({
      config: config({ BRAND_ACCENT_COLOR: '#123abc', BRAND_TITLE: 'CCI Exemple' }),
      version: '0.1.0',
      outFile: path.join(tmp(), 'a.zip'),
    });
    expect(built.manifest.accentColor).toBe('#123abc');
    expect((built.manifest.developer as any).name).toBe('CCI Exemple');
  });

  it('refuses without MicrosoftAppId or without an https PUBLIC_URL, in French and English', async () => {
    const noId = await errorOf(() => build({ config: loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'https://virage.cci-exemple.fr' }) }));
    expect(noId.message).toContain('MicrosoftAppId est vide');
    expect(noId.message).toContain('MicrosoftAppId is empty');
    const http = await errorOf(() => build({ config: config({ PUBLIC_URL: 'http://virage.cci-exemple.fr' }) }));
    expect(http.message).toContain('PUBLIC_URL doit commencer par https://');
    const none = await errorOf(() => build({ config: config({ PUBLIC_URL: '' }) }));
    expect(none.message).toContain('PUBLIC_URL est vide');
  });

  it('validates with the schemas shipped in @microsoft/app-manifest, and refuses a version it does not ship', async () => {
    expect(shippedVersions()).toEqual(expect.arrayContaining(['1.29', '1.30']));
    const schemas = loadTeamsSchemas('1.29');
    expect(schemas.file).toContain(path.join('node_modules', '@microsoft', 'app-manifest'));
    expect(schemas.file).not.toContain(`${path.sep}shared${path.sep}`);
    const src = tmp();
    cpSync(teamsDir, src, { recursive: true });
    const manifestFile = path.join(src, 'manifest.template.json');
    writeFileSync(manifestFile, JSON.stringify({ ...JSON.parse(readFileSync(manifestFile, 'utf8')), manifestVersion: '0.42' }));
    const out = path.join(tmp(), 'never.zip');
    const err = await errorOf(() => build({ sourceDir: src, outFile: out }));
    expect(err.message).toMatch(/Schéma du manifeste Teams v0\.42 introuvable dans @microsoft\/app-manifest \(versions fournies : .*1\.29/);
    expect(() => readFileSync(out)).toThrow();
  });

  it('reports an invalid manifest: a short name over 30 characters, a too long localized description', async () => {
    const src = tmp();
    cpSync(teamsDir, src, { recursive: true });
    const manifestFile = path.join(src, 'manifest.template.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    manifest.name.short = 'Virage, assistant numérique de la CCI';
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const en = JSON.parse(readFileSync(path.join(src, 'en.json'), 'utf8'));
    en['description.short'] = 'x'.repeat(81);
    en['tabs.name'] = 'not localizable';
    writeFileSync(path.join(src, 'en.json'), JSON.stringify(en));
    const err = await errorOf(() => build({ sourceDir: src }));
    expect(err.message).toContain('Le manifeste Teams n’est pas valide');
    expect(err.problems.join('\n')).toMatch(/manifest\.json \/name\/short must NOT have more than 30 characters/);
    expect(err.problems.join('\n')).toContain('en.json /description.short must NOT have more than 80 characters');
    expect(err.problems.join('\n')).toContain('en.json / must NOT have additional properties (tabs.name)');
    expect(err.problems.join('\n')).toContain('fr.json : « name.short » diffère du manifeste');
  });

  it('checks icon sizes and that the outline icon is white on transparent', async () => {
    const src = tmp();
    cpSync(teamsDir, src, { recursive: true });
    const red = new PNG({ width: 32, height: 32 });
    red.data.fill(255);
    for (let i = 0; i < red.data.length; i += 4) red.data[i + 1] = 0;
    writeFileSync(path.join(src, 'icons', 'outline.png'), PNG.sync.write(red));
    writeFileSync(path.join(src, 'icons', 'color.png'), PNG.sync.write(new PNG({ width: 100, height: 100 })));
    const problems = (await errorOf(() => build({ sourceDir: src }))).problems.join('\n');
    expect(problems).toContain('color.png : 100×100 au lieu de 192×192');
    expect(problems).toContain('outline.png : 1024 pixel(s) visibles non blancs');
    expect(problems).toContain('outline.png : aucun fond transparent');
  });

  it('ships icons that scripts/teams-icons.ts reproduces', () => {
    const same = (file: string, png: PNG) => {
      const committed = PNG.sync.read(readFileSync(path.join(teamsDir, 'icons', file)));
      expect([committed.width, committed.height]).toEqual([png.width, png.height]);
      expect(Buffer.compare(committed.data, png.data)).toBe(0);
    };
    same('color.png', drawColorIcon());
    same('outline.png', drawOutlineIcon());
  });
});
