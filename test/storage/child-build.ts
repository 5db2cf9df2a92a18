// For tests that kill a real process: the project's sources transpiled to JavaScript (TypeScript's own
// transpiler, no type check) in a folder under node_modules/.cache, so a plain `node` child can import
// them and resolve the project's dependencies. src/, dialogs/ and scripts/ are built together into a
// folder named by a hash of the sources: once, then shared by every test file and run until a source
// changes. Files appear in it only whole (written aside, then renamed), so files running in parallel can
// use it; each test file's own entry point has its own name; callers do not remove the folder.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/paths.js';

const CACHE = path.join(projectRoot, 'node_modules', '.cache');
const PREFIX = 'virage-child-';
/** Builds of older sources are removed after a day (a run still using one has long finished). */
const STALE_MS = 86_400_000;

function sourcesOf(folder: string): string[] {
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) =>
        e.isDirectory()
          ? walk(path.join(dir, e.name))
          : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')
            ? [path.join(dir, e.name)]
            : [],
      );
  return walk(path.join(projectRoot, folder)).sort();
}

const FOLDERS = ['src', 'dialogs', 'scripts'];

/**
 * The project's sources as JavaScript, with `extra` files (name → JavaScript: a test file's child entry
 * point, its name unique to that test file) beside them; returns the folder.
 */
export async function buildSources(extra: Record<string, string> = {}): Promise<string> {
  const out = await build();
  for (const [name, text] of Object.entries(extra)) {
    const target = path.join(out, name);
    if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text) continue;
    const temp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temp, text);
    fs.renameSync(temp, target);
  }
  return out;
}

async function build(): Promise<string> {
  const files = FOLDERS.flatMap(sourcesOf);
  const hash = createHash('sha256');
  for (const file of files) hash.update(path.relative(projectRoot, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  const out = path.join(CACHE, `${PREFIX}${hash.digest('hex').slice(0, 16)}`);
  if (fs.existsSync(out)) return out;

  const { default: ts } = await import('typescript');
  const temp = `${out}.${process.pid}.tmp`;
  fs.rmSync(temp, { recursive: true, force: true });
  for (const file of files) {
    const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: file,
    });
    const target = path.join(temp, path.relative(projectRoot, file)).replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, outputText);
  }
  fs.writeFileSync(path.join(temp, 'package.json'), '{"type":"module"}\n');
  try {
    fs.renameSync(temp, out);
  } catch (err) {
    // Another test file built the same folder meanwhile: use theirs.
    fs.rmSync(temp, { recursive: true, force: true });
    if (!fs.existsSync(out)) throw err;
  }
  removeStale(out);
  return out;
}

function removeStale(keep: string): void {
  const now = Date.now();
  for (const name of fs.readdirSync(CACHE)) {
    const dir = path.join(CACHE, name);
    if (!name.startsWith(PREFIX) || dir === keep) continue;
    try {
      if (now - fs.statSync(dir).mtimeMs > STALE_MS) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
}
