/**
 * The build-time V8 code cache of what a cold process runs (the Lambda handlers, the command
 * line, the bench's cold rows). A fresh process used to spend a fifth of its first briefing's
 * instructions parsing and compiling our bundle; a code cache made at build time by one training
 * run on the seed article holds the bytecode of every function that briefing ran.
 *
 * The shape, for each bundle: CommonJS code (`handler.cjs`, `dist/briefing.cjs` and its chunks),
 * beside it infra/code-cache-loader.cjs, an entry that is a two-line loader (`index.mjs` for
 * Lambda, `dist/briefing.mjs` for the command line), and `code-cache/<node>-<arch>-<V8 tag>/`
 * written by the training run: that run is the real entry doing its real work once with
 * BRIEFING_CODE_CACHE_TRAIN=1. V8 accepts a cache only from the same V8 version, the same V8
 * flags and the same CPU features, so it helps where the training ran on the Node (and the flags)
 * that runs the code: `npm ci` / `npm run build` with the user's own Node for the command line;
 * for Lambda, a build on the runtime's Node 24 patch release and on ARM64 (README, "Cold start").
 * Anywhere else the loader finds no cache of its own and compiles plainly: slower, never wrong.
 * Plain data and node built-ins only, like bundling.ts.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Written beside every bundle with a code cache; the entries require it. */
export const LOADER_FILE = 'code-cache-loader.cjs';
export const LOADER_SOURCE = fileURLToPath(new URL(LOADER_FILE, import.meta.url));

/**
 * A Lambda bundle's entry, the file Lambda's runtime finds for the handler `index.handler`. Node
 * 24's runtime is an ES module that imports `index`, `index.js`, `index.mjs`, then `index.cjs`
 * with `import()`: an ES module entry costs it least (importing a CommonJS file first starts
 * Node's CommonJS lexer, 5-10 M instructions). The entry `require`s the CommonJS loader
 * (infra/code-cache-loader.cjs) and code, which an `import` would send through that lexer too.
 */
export const HANDLER_ENTRY_FILE = 'index.mjs';

/** A Lambda bundle's code, beside its entry (Lambda resolves `index.*`, never this). */
export const HANDLER_CODE_FILE = 'handler.cjs';

/** The training article: in the repository, so a clean clone builds the same cache. */
export const SEED = { file: 'examples/idlib-offensive-2019.txt', published: '2019-06-01' } as const;

/**
 * Trained after the seed, for the readers a plain-text article never loads: an HTML page (the
 * HTML reader and Readability) and a Markdown file with front matter (markdown-it and YAML).
 * Each run adds only the caches of files no earlier run loaded, so the seed's run decides the
 * pipeline's (infra/code-cache-loader.cjs). Without them, a page of menus took 3.5× a bare
 * `node -e 0` to refuse, compiling the HTML reader from source; with them 3.1×.
 */
export const READER_TRAINING = [
  { file: 'examples/sava-river-floods.html', contentType: 'text/html' },
  { file: 'examples/dengue-outbreak-honduras.md', contentType: 'text/markdown' },
] as const;

/** The environment variable that makes the loader write the caches at exit (the training run). */
export const TRAIN_ENV = 'BRIEFING_CODE_CACHE_TRAIN';

/** Set by the loader's `endColdStart` for threads (and child processes) made after: they start warm, under another cache key. */
export const WARM_ENV = 'BRIEFING_WARM';

/** The folder of caches inside a bundle's directory (one subfolder per Node, CPU and V8 flags). */
export const CACHE_DIR = 'code-cache';

/**
 * esbuild settings that make ESM sources into CommonJS that still knows its own URL: sources use
 * `import.meta.url` (createRequire of the readers, asset lookup), which CommonJS lacks.
 */
export const CJS_URL_BANNER = 'var __importMetaUrl=require("node:url").pathToFileURL(__filename).href;';
export const CJS_URL_DEFINE: Readonly<Record<string, string>> = { 'import.meta.url': '__importMetaUrl' };

/**
 * An entry that runs `codeFile` through the code-cache loader beside it, exporting each of
 * `exports` (a Lambda handler) so that it ends the process's cold start once its first call has
 * settled (a Lambda container is warm after its first invocation; the loader's `endColdStart`).
 * - `esm` (default): an ES module that `require`s the loader and the code: the Lambda entry
 *   (HANDLER_ENTRY_FILE), the command line's `dist/briefing.mjs` (with its shebang; the name `bin`
 *   and the contract give) and a batch thread's `dist/worker.mjs`.
 * - `cjs`: the same as CommonJS, for a CommonJS host: the bench's stand-in for Lambda's runtime
 *   (bench/cold/handler-driver.ts), which loads a handler without starting Node's ES module
 *   loader, since on Lambda that start is the runtime's.
 */
export function entrySource(codeFile: string, options: { readonly exports?: readonly string[]; readonly shebang?: boolean; readonly format?: 'esm' | 'cjs' } = {}): string {
  const exported = options.exports ?? [];
  const cjs = options.format === 'cjs';
  // `require` in both: an ES module's own, made by createRequire.
  const load = `loadCached(require.resolve(${JSON.stringify(`./${codeFile}`)}))`;
  return [
    ...(options.shebang ? ['#!/usr/bin/env node'] : []),
    `// Runs ${codeFile} with the V8 code cache the build made (${LOADER_FILE}).`,
    ...(cjs ? ["'use strict';"] : ["import { createRequire } from 'node:module';", 'const require = createRequire(import.meta.url);']),
    `const { ${exported.length > 0 ? 'endingColdStart, loadCached' : 'loadCached'} } = require('./${LOADER_FILE}');`,
    ...(exported.length > 0
      ? [`const loaded = ${load};`, ...exported.map((name) => `${cjs ? 'exports.' : 'export const '}${name} = endingColdStart(loaded.${name});`)]
      : [`${load};`]),
    '',
  ].join('\n');
}

/**
 * The bundle with each `import()` of a Node built-in (the SDK loads `node:http` and
 * `node:async_hooks` so) made a `require` that resolves to the same namespace shape, the module
 * as `default` beside its named exports. A script compiled from a code cache loses the callback
 * that `import()` needs (`ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING`: nodejs/node#43663,
 * zertosh/v8-compile-cache#30), so code the loader runs must not call it. Bundled modules never
 * reach `import()` (esbuild resolves them); externals other than built-ins are left as they are.
 */
export function builtinImportsAsRequires(code: string): string {
  return code.replace(/\bimport\((["'])([\w:/]+)\1\)/g, (call, _quote: string, name: string) =>
    (isBuiltin(name) ? `Promise.resolve().then(()=>((m)=>({...m,default:m}))(require(${JSON.stringify(name)})))` : call));
}

/**
 * Writes a bundle's entry, HANDLER_ENTRY_FILE (running HANDLER_CODE_FILE and exporting `exports`),
 * and the loader it requires, into `outputDir`, with the code's built-in imports made requires
 * (builtinImportsAsRequires); returns the entry's path.
 */
export function writeEntry(outputDir: string, exports: readonly string[]): string {
  const code = join(outputDir, HANDLER_CODE_FILE);
  writeFileSync(code, builtinImportsAsRequires(readFileSync(code, 'utf8')));
  copyFileSync(LOADER_SOURCE, join(outputDir, LOADER_FILE));
  const entry = join(outputDir, HANDLER_ENTRY_FILE);
  writeFileSync(entry, entrySource(HANDLER_CODE_FILE, { exports }));
  return entry;
}

/**
 * The V8 flags Lambda's Node.js runtime starts node with, as its bootstrap in AWS's base images
 * writes them: `--expose-gc` and the heap sized from the function's memory (a tenth for the young
 * generation, split in two semi-spaces; the rest for the old). V8 folds its flags into the
 * cache's key, so the training run of a handler uses the same ones. (V8 since Sept. 2025 leaves
 * memory-tuning flags out of that key, v8/v8@87356585; `--expose-gc` stays in it.)
 */
export function lambdaNodeFlags(memoryMB: number): string[] {
  const newSpace = Math.floor(memoryMB / 10);
  return ['--expose-gc', `--max-semi-space-size=${Math.floor(newSpace / 2)}`, `--max-old-space-size=${memoryMB - newSpace}`];
}
