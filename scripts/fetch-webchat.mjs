// Takes Microsoft Web Chat's standalone bundle from the npm registry at install time.
// The bundle is Microsoft's code: it is never committed and never loaded from a CDN.
// We extract dist/webchat.js (and its licence) from the package tarball instead of installing the
// whole package and its React tree (hundreds of MB) as a dependency.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSION = '4.18.1';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'web', 'vendor', 'webchat');
const stamp = join(target, 'VERSION');

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === VERSION && existsSync(join(target, 'webchat.js'))) {
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), 'virage-webchat-'));
try {
  const out = execFileSync('npm', ['pack', `botframework-webchat@${VERSION}`, '--silent', '--pack-destination', work], {
    cwd: work,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const tarball = join(work, out.trim().split('\n').pop());
  execFileSync('tar', ['-xzf', tarball, '-C', work, 'package/dist/webchat.js', 'package/dist/webchat.js.LICENSE.txt', 'package/package.json'], { stdio: 'inherit' });
  mkdirSync(target, { recursive: true });
  copyFileSync(join(work, 'package', 'dist', 'webchat.js'), join(target, 'webchat.js'));
  copyFileSync(join(work, 'package', 'dist', 'webchat.js.LICENSE.txt'), join(target, 'webchat.js.LICENSE.txt'));
  copyFileSync(join(work, 'package', 'package.json'), join(target, 'package.json'));
  writeFileSync(stamp, VERSION + '\n');
  console.log(`[virage] Web Chat ${VERSION} extracted to web/vendor/webchat/`);
} catch (err) {
  console.error(`[virage] could not fetch botframework-webchat@${VERSION} from the npm registry: ${err.message}`);
  process.exit(1);
} finally {
  rmSync(work, { recursive: true, force: true });
}
