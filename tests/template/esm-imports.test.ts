/**
 * The template stage's imports as Node's own ES-module loader resolves them, with the packages
 * left outside the bundle (as the benchmark's child scripts are built, and as any ES-module
 * program that imports these sources is run): no extension is added to a package's subpath there.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli';

const dir = join(repoRoot, 'node_modules/.cache/briefing-test-esm');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the template stage as an ES module with its packages outside', () => {
  it('loads, and fills the shipped template', async () => {
    mkdirSync(dir, { recursive: true });
    const outfile = join(dir, 'template.mjs');
    await build({
      stdin: { contents: "export { fillTemplate } from './lambdas/template/fill'; export { bundledTemplates } from './lambdas/template/load';", resolveDir: repoRoot, loader: 'ts' },
      bundle: true, packages: 'external', format: 'esm', platform: 'node', outfile, logLevel: 'silent',
      // As bench/bundle.ts builds its scripts: CommonJS packages required on first use need a real require.
      banner: { js: "import { createRequire as __require0 } from 'node:module'; const require = __require0(import.meta.url);" },
    });
    const script = `const { fillTemplate, bundledTemplates } = await import(${JSON.stringify(pathToFileURL(outfile).href)});
      const t = bundledTemplates();
      const tree = fillTemplate(t.main, t.partials, { title: 'A title', asOf: 'today', cards: [], figures: [], footer: 'f' });
      process.stdout.write(tree.name);`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('document');
  });
});
