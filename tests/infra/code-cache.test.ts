/**
 * The build-time V8 code cache (infra/code-cache.ts, infra/code-cache-loader.cjs): a training run
 * writes it, a process on the same Node with the same flags uses it, any other compiles plainly,
 * a damaged cache is rejected by V8 and costs nothing but its time; the code does the same in
 * every case, `import()` of a built-in included. And the command line built in dist/ carries one.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHE_DIR, entrySource, HANDLER_CODE_FILE, LOADER_FILE, TRAIN_ENV, writeEntry } from '../../infra/code-cache';
import { repoRoot, runCli } from '../support/cli';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A handler whose work needs a built-in through import(), as the AWS SDK's HTTP handler does, and
// one Node does not load at start (zlib), as the handlers load https and the command line zlib.
writeFileSync(join(dir, HANDLER_CODE_FILE), `'use strict';
const { crc32 } = require('node:zlib');
const words = (text) => text.split(/\\s+/).filter(Boolean).length;
exports.handler = async (event) => {
  const { posix } = await import('node:path');
  return { words: words(event.text), joined: posix.join('a', 'b'), loaded: process.moduleLoadList.filter((m) => m === 'NativeModule zlib').length };
};
`);
const entry = writeEntry(dir, ['handler']);

/** Imports the entry in a fresh node with `flags`, calls the handler; its answer and the loader's debug lines. */
async function invoke(flags: readonly string[] = [], env: Record<string, string> = {}): Promise<{ answer: unknown; debug: string }> {
  const child = `const { handler } = await import(${JSON.stringify(entry)}); process.stdout.write(JSON.stringify(await handler({ text: 'one two three' })));`;
  const { stdout, stderr } = await run(process.execPath, [...flags, '--input-type=module', '-e', child], { env: { PATH: process.env.PATH, NODE_DEBUG: 'code-cache', ...env } });
  return { answer: JSON.parse(stdout), debug: stderr };
}

const ANSWER = { words: 3, joined: 'a/b', loaded: 1 };
/** The cache files, in the one folder per key (beside them, the lists of built-ins to load first). */
const cacheFiles = (): string[] => readdirSync(join(dir, CACHE_DIR), { withFileTypes: true }).filter((entry) => entry.isDirectory())
  .flatMap(({ name: key }) => readdirSync(join(dir, CACHE_DIR, key)).map((file) => join(dir, CACHE_DIR, key, file)));
/** The built-ins a run with these flags loads before the loader sets its own (per V8 tag before them). */
async function builtinsList(flags: readonly string[] = []): Promise<string | undefined> {
  const { stdout: tag } = await run(process.execPath, [...flags, '-p', "require('node:v8').cachedDataVersionTag()"]);
  const file = join(dir, CACHE_DIR, `builtins-${process.version}-${process.arch}-${tag.trim()}.txt`);
  return readdirSync(join(dir, CACHE_DIR)).includes(basename(file)) ? readFileSync(file, 'utf8') : undefined;
}

describe('the code-cache loader', () => {
  it('compiles plainly before any training, and a training run writes the cache for its own Node and flags', async () => {
    const first = await invoke();
    expect(first.answer).toEqual(ANSWER);
    expect(first.debug).toContain('no cache for this Node');
    await invoke([], { [TRAIN_ENV]: '1' });
    expect(cacheFiles().map((file) => file.endsWith(`${HANDLER_CODE_FILE}.cache`))).toEqual([true]);
  });

  it('uses the cache on the same Node and flags, import() of a built-in still working', async () => {
    const { answer, debug } = await invoke();
    expect(debug).toContain(`${HANDLER_CODE_FILE}: cache used`);
    expect(answer).toEqual(ANSWER);
  });

  // Node 24's Lambda runtime imports the entry from an ES module: an ES module entry that
  // requires the CommonJS loader and code never starts Node's CommonJS lexer (5-10 M instructions).
  it('imported as Lambda\'s runtime imports it, the entry runs the handler without Node\'s CommonJS lexer', async () => {
    const child = `const { handler } = await import(${JSON.stringify(entry)});
process.stdout.write(JSON.stringify({ answer: await handler({ text: 'one two three' }), lexer: process.moduleLoadList.some((m) => m.includes('cjs-module-lexer')) }));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', child], { env: { PATH: process.env.PATH } });
    expect(JSON.parse(stdout)).toEqual({ answer: ANSWER, lexer: false });
  });

  // The bench's stand-in for the runtime is CommonJS: the same entry as CommonJS runs the handler without Node's ES module loader.
  it('as CommonJS (entrySource, format cjs), the entry runs the handler in a process that never starts Node\'s ES module loader', async () => {
    const twin = join(dir, 'index.cjs');
    writeFileSync(twin, entrySource(HANDLER_CODE_FILE, { exports: ['handler'], format: 'cjs' }));
    const child = `const { handler } = require(${JSON.stringify(twin)});
handler({ text: 'one two three' }).then((answer) => process.stdout.write(JSON.stringify({ answer, esm: process.moduleLoadList.includes('NativeModule internal/modules/esm/translators') })));`;
    const { stdout } = await run(process.execPath, ['-e', child], { env: { PATH: process.env.PATH } });
    expect(JSON.parse(stdout)).toEqual({ answer: ANSWER, esm: false });
  });

  // Node's own cache of its built-ins is made under V8's default flags and rejected once the
  // loader has set its flag: a built-in the code needs is loaded before, from the training's list.
  it('lists the built-ins the training run loaded after setting its flags, and loads them first in later runs', async () => {
    const listed = (await builtinsList())?.split('\n');
    // zlib, with what loads beside it (not its internals, not what Node had loaded already).
    expect(listed).toContain('zlib');
    expect(listed).not.toContain('path');
    expect(listed?.some((name) => name.startsWith('internal/') || name.startsWith('_'))).toBe(false);
    const { answer, debug } = await invoke();
    expect(debug).toMatch(/built-ins loaded before the flags: .*\bzlib\b/);
    expect(debug.indexOf('built-ins loaded before the flags')).toBeLessThan(debug.indexOf(`${HANDLER_CODE_FILE}: cache used`));
    expect(answer).toEqual(ANSWER);
  });

  it('keeps the first training run\'s list, and a process started with other flags finds none (Node\'s cache no longer fits there)', async () => {
    const before = await builtinsList();
    await invoke([], { [TRAIN_ENV]: '1' });
    expect(await builtinsList()).toBe(before);
    expect(await builtinsList(['--expose-gc'])).toBeUndefined();
    const { answer, debug } = await invoke(['--expose-gc']);
    expect(debug).not.toContain('built-ins loaded before the flags');
    expect(answer).toEqual(ANSWER);
  });

  /** V8's tag in a process that set these flags as it runs (as the loader does; some flags count differently on the command line). */
  const tag = async (flags: readonly string[]): Promise<string> =>
    (await run(process.execPath, ['-p', `const v8 = require('node:v8'); for (const f of ${JSON.stringify(flags)}) v8.setFlagsFromString(f); v8.cachedDataVersionTag()`])).stdout.trim();
  const COLD_FLAGS = ['--no-regexp-tier-up', '--semi-space-growth-factor=1', '--no-turbofan'];

  it('compiles regular expressions straight to machine code, and starts cold (young generation held, no TurboFan): its cache key is that of `node` with those flags', async () => {
    const loader = join(dir, LOADER_FILE);
    const key = async (env: Record<string, string> = {}): Promise<string> => (await run(process.execPath, ['--input-type=module', '-e', `const { CACHE_KEY } = await import(${JSON.stringify(loader)}); process.stdout.write(CACHE_KEY);`], { env: { PATH: process.env.PATH, ...env } })).stdout;
    const [plain, untiered, cold] = await Promise.all([tag([]), tag(['--no-regexp-tier-up']), tag(COLD_FLAGS)]);
    expect(new Set([plain, untiered, cold]).size).toBe(3);
    expect(await key()).toBe(`${process.version}-${process.arch}-${cold}`);
    // A process started warm (a batch's threads) holds nothing.
    expect(await key({ BRIEFING_WARM: '1' })).toBe(`${process.version}-${process.arch}-${untiered}`);
  });

  it('ends the cold start once the entry\'s handler has answered its first call: V8\'s defaults again, and threads made after start warm', async () => {
    const child = `const v8 = await import('node:v8');
      const { handler } = await import(${JSON.stringify(entry)});
      const before = v8.cachedDataVersionTag();
      const first = handler({ text: 'a b' });
      const during = v8.cachedDataVersionTag();
      await first;
      process.stdout.write(JSON.stringify([before, during, v8.cachedDataVersionTag(), process.env.BRIEFING_WARM ?? null]));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', child], { env: { PATH: process.env.PATH } });
    const [cold, untiered] = await Promise.all([tag(COLD_FLAGS), tag(['--no-regexp-tier-up'])]);
    expect(JSON.parse(stdout)).toEqual([Number(cold), Number(cold), Number(untiered), '1']);
  });

  it('finds no cache of its own under other V8 flags, and compiles plainly', async () => {
    const { answer, debug } = await invoke(['--expose-gc']);
    expect(debug).toContain('no cache for this Node');
    expect(answer).toEqual(ANSWER);
  });

  it('survives a damaged cache: V8 rejects it and the code runs as compiled from source', async () => {
    for (const file of cacheFiles()) writeFileSync(file, Buffer.alloc(4096, 7));
    const { answer, debug } = await invoke();
    expect(debug).toContain(`${HANDLER_CODE_FILE}: cache rejected`);
    expect(answer).toEqual(ANSWER);
  });

  it('replaces a rejected cache in the next training run', async () => {
    await invoke([], { [TRAIN_ENV]: '1' });
    expect((await invoke()).debug).toContain(`${HANDLER_CODE_FILE}: cache used`);
  });

  it('keeps, in a later training run, the cache a file has, and adds the cache of a file only that run loads', async () => {
    // A file the handler loads only for some events, as the extract handler loads the HTML reader.
    writeFileSync(join(dir, 'reader-extra.cjs'), "'use strict';\nexports.shout = (text) => text.toUpperCase();\n");
    const child = `const { loadCached } = await import(${JSON.stringify(join(dir, LOADER_FILE))}); loadCached(${JSON.stringify(join(dir, HANDLER_CODE_FILE))}); process.stdout.write(loadCached(${JSON.stringify(join(dir, 'reader-extra.cjs'))}).shout('ok'));`;
    const before = new Map(cacheFiles().map((file) => [file, readFileSync(file)]));
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', child], { env: { PATH: process.env.PATH, [TRAIN_ENV]: '1' } });
    expect(stdout).toBe('OK');
    const after = cacheFiles();
    expect(after.filter((file) => file.endsWith('reader-extra.cjs.cache'))).toHaveLength(1);
    for (const [file, bytes] of before) expect(readFileSync(file).equals(bytes), file).toBe(true);
  });

  it('uses the cache of a file first loaded after the cold start ended (compiled under the start\'s flags for that moment)', async () => {
    const child = `const { endColdStart, loadCached } = await import(${JSON.stringify(join(dir, LOADER_FILE))});
      endColdStart();
      process.stdout.write(loadCached(${JSON.stringify(join(dir, 'reader-extra.cjs'))}).shout('late'));`;
    const { stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', child], { env: { PATH: process.env.PATH, NODE_DEBUG: 'code-cache' } });
    expect(stdout).toBe('LATE');
    expect(stderr).toContain('reader-extra.cjs: cache used');
  });

  it('wraps a handler so that it stays the same function to its caller: this, arguments, length, name, own properties, a thrown error', async () => {
    const child = `const v8 = await import('node:v8');
      const { endingColdStart } = await import(${JSON.stringify(join(dir, LOADER_FILE))});
      const marker = Symbol.for('aws.lambda.runtime.handler.streaming');
      function named(a, b, c) { if (a === 'throw') throw new RangeError('bad ' + b); return [this?.who, a, b, c]; }
      named[marker] = 'response';
      const wrapped = endingColdStart(named);
      const cold = v8.cachedDataVersionTag();
      let thrown = null;
      try { wrapped.call({ who: 'me' }, 'throw', 'x'); } catch (error) { thrown = error.name + ': ' + error.message; }
      const after = v8.cachedDataVersionTag();
      process.stdout.write(JSON.stringify({ length: wrapped.length, name: wrapped.name, marker: wrapped[marker], thrown, ended: cold !== after,
        result: wrapped.call({ who: 'me' }, 1, 2, 3), plain: endingColdStart(42) }));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', child], { env: { PATH: process.env.PATH } });
    expect(JSON.parse(stdout)).toEqual({ length: 3, name: 'named', marker: 'response', thrown: 'RangeError: bad x', ended: true, result: ['me', 1, 2, 3], plain: 42 });
  });

  it('writes no cache in a training run whose program changed V8\'s flags after reading its key (the cache would carry the new flags and be rejected)', async () => {
    writeFileSync(join(dir, 'reader-late.cjs'), "'use strict';\nexports.twice = (text) => text + text;\n");
    const train = (change: boolean): Promise<{ stdout: string }> => run(process.execPath, ['--input-type=module', '-e', `
      const { loadCached } = await import(${JSON.stringify(join(dir, LOADER_FILE))});
      const answer = loadCached(${JSON.stringify(join(dir, 'reader-late.cjs'))}).twice('ab');
      if (${change}) (await import('node:v8')).setFlagsFromString('--no-turbo-inlining');
      process.stdout.write(answer);`], { env: { PATH: process.env.PATH, [TRAIN_ENV]: '1' } });
    const late = (): string[] => cacheFiles().filter((file) => file.endsWith('reader-late.cjs.cache'));
    expect((await train(true)).stdout).toBe('abab');
    expect(late()).toEqual([]);
    expect((await train(false)).stdout).toBe('abab');
    expect(late()).toHaveLength(1);
  });
});

describe('the command line in dist/', () => {
  it('is written in ASCII alone, every file of code (infra/ascii-source.ts)', () => {
    const code = readdirSync(join(repoRoot, 'dist')).filter((f) => f.endsWith('.cjs'));
    expect(code.length).toBeGreaterThan(5);
    for (const file of code) expect(readFileSync(join(repoRoot, 'dist', file), 'latin1'), file).toMatch(/^[\x00-\x7F]*$/);
  });

  it('renders with the code cache its build trained on the seed', async () => {
    const work = mkdtempSync(join(tmpdir(), 'code-cache-cli-'));
    try {
      const result = await runCli(['render', join(repoRoot, 'examples/antioquia-landslide.txt'), '-o', join(work, 'a.pdf')], { cwd: work, env: { NODE_DEBUG: 'code-cache' } });
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/briefing\.cjs: cache used/);
      // The precompiled templates too, which the pipeline requires from beside itself.
      expect(result.stderr).toMatch(/templates\.compiled\.cjs: cache used/);
      expect(result.stderr).not.toMatch(/cache rejected/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('extracts an HTML page and a Markdown file with the readers\' caches its build trained on examples of each', async () => {
    for (const [file, readers] of [['examples/sava-river-floods.html', ['reader-linkedom', 'reader-mozilla-readability']], ['examples/dengue-outbreak-honduras.md', ['reader-markdown-it', 'reader-yaml']]] as const) {
      const result = await runCli(['extract', join(repoRoot, file)], { env: { NODE_DEBUG: 'code-cache' } });
      expect(result.code).toBe(0);
      for (const reader of readers) expect(result.stderr).toMatch(new RegExp(`${reader}\\.cjs: cache used`));
    }
  });

  it('starts each batch thread through the loader, so the threads read the pipeline from a cache too', async () => {
    const work = mkdtempSync(join(tmpdir(), 'code-cache-batch-'));
    try {
      const input = join(work, 'in');
      mkdirSync(input);
      // Four, as each thread is sent two ahead: both threads get work.
      for (const name of ['a', 'b', 'c', 'd']) copyFileSync(join(repoRoot, 'examples/antioquia-landslide.txt'), join(input, `${name}.txt`));
      const result = await runCli(['batch', input, '-o', join(work, 'out'), '--jobs', '2'], { cwd: work, env: { NODE_DEBUG: 'code-cache' } });
      expect(result.code).toBe(0);
      const lines = result.stderr.split('\n');
      // One line per file a thread loads: two threads, each loading its entry and the chunks it needs itself.
      expect(lines.filter((line) => /\/worker\.cjs: /.test(line))).toHaveLength(2);
      const perChunk = new Map<string, number>();
      for (const line of lines) {
        const used = /\/(chunk-[\w-]+\.cjs): cache used/.exec(line);
        if (used) perChunk.set(used[1]!, (perChunk.get(used[1]!) ?? 0) + 1);
      }
      // The pipeline's chunks are loaded by the threads (and not by the main thread of `batch`), each
      // with the cache the build's training batch made under the threads' own V8 flags (local/batch/tiering.ts).
      expect([...perChunk.values()].filter((count) => count >= 2).length).toBeGreaterThan(3);
      expect(result.stderr).not.toMatch(/cache rejected/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
