// For tests that kill a real process: the project's sources transpiled to JavaScript (TypeScript's own
// transpiler, no type check) in a folder under node_modules/.cache, so a plain `node` child can import
// them and resolve the project's dependencies. The folder is named by a hash of what it holds (sources
// and the test's extra files): built once, then shared by every test file and run until a source
// changes. It is never modified once visible (built aside, then renamed), so files running in parallel
// can use it; callers do not remove it.
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
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path.join(dir, e.name)] : []));
  return walk(path.join(projectRoot, folder)).sort();
}

/**
 * Transpiles src/ (and the other `folders`) with `extra` files (name → JavaScript, e.g. the child's
 * entry point) beside them; returns the folder holding them as JavaScript.
 */
export async function buildSources(folders: string[] = ['src'], extra: Record<string, string> = {}): Promise<string> {
  const files = folders.flatMap(sourcesOf);
  const hash = createHash('sha256');
  for (const file of files) hash.update(path.relative(projectRoot, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  for (const [name, text] of Object.entries(extra).sort()) hash.update(`extra:${name}\0${text}\0`);
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
  for (const [name, text] of Object.entries(extra)) fs.writeFileSync(path.join(temp, name), text);
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
