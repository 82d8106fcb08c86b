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

/** Every TypeScript source under `dir`, with the project-relative paths of the files it imports. */
function importsUnder(dir: string): Array<{ file: string; imports: string[] }> {
  const files = readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(?:ts|mts)$/.test(e.name))
    .map((e) => join(e.parentPath ?? e.path, e.name));
  return files.map((file) => {
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)]
      .map((m) => m[1] ?? m[2]!)
      .filter((s) => s.startsWith('.'));
    return { file: relative(ROOT, file), imports: specifiers.map((s) => relative(ROOT, resolve(join(file, '..'), s))) };
  });
}

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

  it('no stage imports the pipeline on top of them (only the handlers and other adapters do)', () => {
    const stages = ['aws', 'briefing', 'contract', 'core', 'eval', 'event', 'extract', 'intake', 'layout', 'render', 'review', 'template'];
    const upward = stages.flatMap((stage) => offending(`lambdas/${stage}`, (p) => p === 'lambdas/pipeline' || p.startsWith('lambdas/pipeline/')));
    expect(upward).toEqual([]);
  });

  it('templates are found and filled without the renderer: lambdas/template never imports lambdas/render', () => {
    expect(offending('lambdas/template', (p) => p.startsWith('lambdas/render/'))).toEqual([]);
  });

  it('extraction takes from intake only its types (the Article), none of its workings', () => {
    expect(offending('lambdas/extract', (p) => p.startsWith('lambdas/intake/') && p !== 'lambdas/intake/types')).toEqual([]);
  });

  it('infra/ takes from the lambdas only the shared contract and bottom and the stages\' entry points, never a handler\'s or the web API\'s workings', () => {
    expect(offending('infra', (p) => p.startsWith('lambdas/handlers/') || p.startsWith('lambdas/web/'))).toEqual([]);
  });

  it('local/ never imports cli/', () => {
    expect(offending('local', (p) => p.startsWith('cli/'))).toEqual([]);
  });
});
