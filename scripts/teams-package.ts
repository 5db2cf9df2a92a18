// npm run teams:package — builds dist/teams/virage-teams.zip, the app package to upload in Teams
// (Developer Portal, Teams admin center, or « Charger une application personnalisée »).
// Needs MicrosoftAppId and an https PUBLIC_URL in the environment (BRAND_TITLE and BRAND_ACCENT_COLOR optional);
// validates the manifest with Microsoft's schema and validator (@microsoft/app-manifest, offline) and
// refuses to build an invalid package.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config.js';
import { projectRoot } from '../src/paths.js';
import { buildTeamsPackage } from '../src/teams/package.js';
import { TeamsPackageError } from '../src/teams/schema.js';

async function main(): Promise<number> {
  // The package needs the app id, not its secret: do not make people type the password to build a zip.
  const env = { ...process.env };
  if (env.MicrosoftAppId && !env.MicrosoftAppPassword) env.MicrosoftAppPassword = 'not-needed-to-package';
  try {
    const config = loadConfig(env);
    const version = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')).version;
    const built = await buildTeamsPackage({ config, version, outFile: env.TEAMS_PACKAGE_FILE });
    process.stdout.write(
      `Paquet Teams prêt / Teams package ready: ${path.relative(process.cwd(), built.file)}\n` +
        `  manifeste ${String(built.manifest.manifestVersion)}, version ${String(built.manifest.version)}, ` +
        `fichiers : ${built.entries.join(', ')}\n`,
    );
    return 0;
  } catch (err) {
    if (err instanceof TeamsPackageError || err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

process.exitCode = await main();
