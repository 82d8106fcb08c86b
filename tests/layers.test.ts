/**
 * Import directions between the project's folders that hold today: a folder lower down never
 * imports one above it. The command line (cli/) sits on the local runtime (local/), which
 * never reaches back up into it.
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

  it('local/ never imports cli/', () => {
    const upward = importsUnder('local').flatMap((f) => f.imports.filter((p) => p.startsWith('cli/')).map((p) => `${f.file} → ${p}`));
    expect(upward).toEqual([]);
  });
});
