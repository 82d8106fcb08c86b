/**
 * The bundled batch worker (local/batch/worker-bundle.ts): built once, reused while its sources
 * are unchanged, rebuilt when one changes, and null (so the batch falls back to tsx) when the
 * sources do not build. Runs on a throwaway project folder, with real esbuild.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledWorker } from '../../local/batch/worker-bundle';

const root = mkdtempSync(join(tmpdir(), 'worker-bundle-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'node_modules'));
writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
const entry = join(root, 'worker.ts');
const dep = join(root, 'dep.ts');
writeFileSync(entry, "import { answer } from './dep';\nexport const reply: number = answer + 1;\n");
writeFileSync(dep, 'export const answer: number = 41;\n');

describe('the bundled batch worker', () => {
  let first = '';

  it('is one ES module in the project cache that runs without a TypeScript loader', async () => {
    const url = await bundledWorker(entry);
    expect(url).not.toBeNull();
    first = fileURLToPath(url!);
    expect(first.startsWith(join(root, 'node_modules', '.cache'))).toBe(true);
    expect(((await import(`${url!.href}?v=1`)) as { reply: number }).reply).toBe(42);
  });

  it('is reused while no source changed', async () => {
    const built = statSync(first).mtimeMs;
    expect(fileURLToPath((await bundledWorker(entry))!)).toBe(first);
    expect(statSync(first).mtimeMs).toBe(built);
  });

  it('is rebuilt when a source it was built from changes', async () => {
    writeFileSync(dep, 'export const answer: number = 99;\n');
    utimesSync(dep, new Date(), new Date(Date.now() + 5000));
    const url = await bundledWorker(entry);
    expect(readFileSync(fileURLToPath(url!), 'utf8')).toContain('99');
    expect(((await import(`${url!.href}?v=2`)) as { reply: number }).reply).toBe(100);
  });

  // Every module the pipeline loads from beside itself at run time (the readers, the precompiled
  // templates) must leave a bundler nothing it cannot find, or this build falls back to tsx.
  it("builds the project's own batch worker", async () => {
    expect(await bundledWorker(fileURLToPath(new URL('../../local/batch/worker.ts', import.meta.url)))).not.toBeNull();
  });

  it('is null when the sources do not build, so the batch starts its threads through tsx', async () => {
    const broken = join(root, 'broken.ts');
    writeFileSync(broken, "import { missing } from './nowhere';\nexport const x = missing;\n");
    expect(await bundledWorker(broken)).toBeNull();
  });
});
