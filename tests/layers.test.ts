/**
 * Import directions between the project's folders that hold today: a folder lower down never
 * imports one above it. At the bottom, lambdas/core (errors, dates, letter patterns, assets)
 * imports no other folder; the stages sit on it; lambdas/pipeline (bytes → PDF) sits on the
 * stages and no stage imports it. The command line (cli/) sits on the local runtime (local/),
 * which never reaches back up into it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Every source file under `dir` (TypeScript and JavaScript), with the project-relative paths of
 * the files it imports: `import … from`, `export … from`, `import 'x'`, `import('x')`,
 * `require('x')` and `new URL('x', import.meta.url)` (a worker's file). Comments are left out.
 */
function importsUnder(dir: string): Array<{ file: string; imports: string[] }> {
  const files = readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(?:ts|mts|cts|js|mjs|cjs)$/.test(e.name) && !/\.d\.ts$/.test(e.name))
    .map((e) => join(e.parentPath ?? e.path, e.name));
  const reference = /(?:^|[\s;{}])(?:(?:import|export)\b[^'"`;]*?\bfrom\s*|import\s*\(?\s*|require\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;
  // A file of code by its URL (a worker thread's); a folder's URL is not an import.
  const codeUrl = /new\s+URL\s*\(\s*['"](\.{1,2}\/[^'"]+\.[mc]?[jt]s)['"]/g;
  return files.map((file) => {
    const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    const specifiers = [...source.matchAll(reference), ...source.matchAll(codeUrl)].map((m) => m[1]!);
    return { file: relative(ROOT, file), imports: specifiers.map((s) => relative(ROOT, resolve(join(file, '..'), s))) };
  });
}

/** The folders of lambdas/ that are stages or below: all but the adapters and the pipeline on top. */
const ADAPTERS_AND_TOP = new Set(['handlers', 'web', 'pipeline']);
const stages = readdirSync(join(ROOT, 'lambdas'), { withFileTypes: true })
  .filter((e) => e.isDirectory() && !ADAPTERS_AND_TOP.has(e.name))
  .map((e) => e.name);

describe('import directions', () => {
  it('finds the imports it checks (the scan itself works)', () => {
    const cli = importsUnder('cli').flatMap((f) => f.imports);
    expect(cli.some((p) => p.startsWith('local/'))).toBe(true);
  });

  const offending = (dir: string, bad: (target: string) => boolean): string[] =>
    importsUnder(dir).flatMap((f) => f.imports.filter(bad).map((p) => `${f.file} → ${p}`));

  it('lambdas/core imports nothing of the project outside itself', () => {
    expect(offending('lambdas/core', (p) => !p.startsWith('lambdas/core/'))).toEqual([]);
  });

  it('lambdas/contract imports nothing of the project outside itself', () => {
    expect(offending('lambdas/contract', (p) => !p.startsWith('lambdas/contract/'))).toEqual([]);
  });

  it('no stage imports the pipeline on top of them (only the handlers and other adapters do)', () => {
    expect(stages).toContain('extract');
    const upward = stages.flatMap((stage) => offending(`lambdas/${stage}`, (p) => p === 'lambdas/pipeline' || p.startsWith('lambdas/pipeline/')));
    expect(upward).toEqual([]);
  });

  it('templates are found and filled without the renderer: lambdas/template never imports lambdas/render', () => {
    expect(offending('lambdas/template', (p) => p.startsWith('lambdas/render/'))).toEqual([]);
  });

  it('extraction takes from intake only its types (the Article), none of its workings', () => {
    expect(offending('lambdas/extract', (p) => p.startsWith('lambdas/intake/') && p !== 'lambdas/intake/types')).toEqual([]);
  });

  it('infra/ never imports the handlers\' or the web API\'s workings (lambdas/handlers, lambdas/web)', () => {
    expect(offending('infra', (p) => p.startsWith('lambdas/handlers/') || p.startsWith('lambdas/web/'))).toEqual([]);
  });

  it('local/ never imports cli/', () => {
    expect(offending('local', (p) => p.startsWith('cli/'))).toEqual([]);
  });
});
