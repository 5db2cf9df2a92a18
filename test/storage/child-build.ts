// For tests that kill a real process: the project's sources transpiled to JavaScript (TypeScript's own
// transpiler, no type check) in a folder under node_modules/.cache, so a plain `node` child can import
// them and resolve the project's dependencies.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { projectRoot } from '../../src/paths.js';

/** Transpiles src/ (and the other `folders`) once per test file; returns the folder holding them as JavaScript. */
export function buildSources(folders: string[] = ['src']): string {
  const out = path.join(projectRoot, 'node_modules', '.cache', `virage-child-${process.pid}`);
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path.join(dir, e.name)] : []));
  for (const file of folders.flatMap((folder) => walk(path.join(projectRoot, folder)))) {
    const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: file,
    });
    const target = path.join(out, path.relative(projectRoot, file)).replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, outputText);
  }
  fs.writeFileSync(path.join(out, 'package.json'), '{"type":"module"}\n');
  return out;
}
