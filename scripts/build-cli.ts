/**
 * `npm run build` (and `prepare`, so `npm ci` leaves it done): the `briefing` command line as
 * plain JavaScript in dist/, so running a command compiles no TypeScript.
 *
 * - dist/briefing.mjs: the program (`bin`, `npm run briefing`), with its `#!/usr/bin/env node`: a
 *   loader (infra/code-cache.ts) running dist/briefing.cjs with the V8 code cache in
 *   dist/code-cache/, which the build makes last by training runs (trainCli below);
 * - dist/worker.mjs: a `briefing batch` worker thread (local/batch/run-batch.ts starts it from
 *   beside itself), the same loader running dist/worker.cjs, so each thread reads its code from
 *   the cache a training `briefing batch` made (the V8 flags a batch sets for its threads,
 *   local/batch/tiering.ts, give their caches a key of their own);
 * - dist/chunk-*.cjs and the like: what the two share, and each command's work, split at its
 *   `import()` so `briefing --help` or a refused file loads none of pdfkit, the AWS SDK or the
 *   extractor. esbuild splits only ES modules, so the chunks are split as ESM and each is then
 *   converted to CommonJS (the code cache needs it), `import()` of a chunk becoming its `require`;
 * - dist/reader-*.cjs: intake's HTML and Markdown parsers, one file each, loaded on first use;
 * - dist/templates.compiled.cjs: the templates of templates/, precompiled (scripts/precompile-templates.ts);
 * - each `.cjs` file written in ASCII alone where it can be (infra/ascii-source.ts);
 * - dist/build-info.json: every project file the build read, with its size and time (from
 *   which scripts/cli-up-to-date.mjs tells whether dist/ is older than the sources), and the
 *   packages and project folders inside each output file (what loading it costs).
 *
 * The npm packages are bundled in, with the Lambda handlers' settings (infra/bundling.ts: CommonJS
 * that knows its URL, the stubs of pdfkit's unused heavy imports). Fonts, templates and the
 * ICC profile are not copied: the renderer finds them from dist/ in the package
 * (lambdas/core/assets.ts), as it does from the sources.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { build, transform, type Metafile, type Plugin } from 'esbuild';
import { asciiSource } from '../infra/ascii-source';
import { BUNDLE_ALIASES, HANDLER_BUNDLE, PROJECT_ROOT, readerFile } from '../infra/bundling';
import { builtinImportsAsRequires, entrySource, LOADER_FILE, LOADER_SOURCE, READER_TRAINING, SEED, TRAIN_ENV, WARM_ENV } from '../infra/code-cache';
import { PRECOMPILED_FILE } from '../lambdas/template/precompiled';
import { precompiledSource } from './precompile-templates';

export const DIST_DIR = join(PROJECT_ROOT, 'dist');
export const CLI_FILE = join(DIST_DIR, 'briefing.mjs');
const CLI_CODE = 'briefing.cjs';
export const BUILD_INFO_FILE = 'build-info.json';
/** The npm package of a bundled input path, or its top project folder (`lambdas/extract`). */
export function packageOfPath(file: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  return match ? match[1]! : file.split('/').slice(0, 2).join('/');
}

/** Written last: they import the chunks. */
const WORKER_CODE = 'worker.cjs';
const ENTRIES = new Set(['briefing.mjs', CLI_CODE, 'worker.mjs', WORKER_CODE, LOADER_FILE]);

/**
 * One ESM chunk of the split build as CommonJS: `import()` of another chunk or of a Node built-in
 * becomes a `require` (the loader's, so the chunk runs once and with its cache; a cached script
 * cannot `import()`: builtinImportsAsRequires), then esbuild converts the rest.
 */
async function chunkToCommonJs(code: string, minify: boolean): Promise<string> {
  // The program's `#!` line belongs to its loader (dist/briefing.mjs), the file that is run.
  const required = builtinImportsAsRequires(code.replace(/^#!.*\n/, '')).replace(/\bimport\((["'])(\.\/[\w.-]+\.cjs)\1\)/g, 'Promise.resolve().then(()=>require($1$2$1))');
  return (await transform(required, {
    format: 'cjs', platform: 'node', target: HANDLER_BUNDLE.target, supported: HANDLER_BUNDLE.supported, minify, legalComments: 'none', logLevel: 'warning',
    // `import.meta.url` is defined (HANDLER_BUNDLE.define); what remains is local/batch/worker-bundle.ts's
    // `import.meta.resolve('tsx/…')`, reached only when the program runs from its TypeScript sources.
    logOverride: { 'empty-import-meta': 'silent' },
  })).code;
}

/** commander's `require('node:child_process')` goes to a stub that loads it on first use (cli/stubs/child-process.cjs). */
const lazyChildProcess: Plugin = {
  name: 'lazy-child-process',
  setup(plugin) {
    plugin.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (/[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
      ? { path: join(PROJECT_ROOT, 'cli/stubs/child-process.cjs') }
      : undefined));
  },
};

/**
 * Packages the sources `require()` on first use instead of importing (intake's HTML and Markdown
 * parsers: lambdas/intake/formats/parsers.ts) get a file each, `reader-<package>.cjs`, required
 * from beside the chunk that needs it: a plain-text article never parses them, a Markdown one
 * never parses the HTML reader. Bundled in, `require()` would put all of them in one chunk
 * that every article loads.
 */
function lazyRequires(found: Set<string>): Plugin {
  return {
    name: 'lazy-requires',
    setup(plugin) {
      plugin.onResolve({ filter: /^[@a-z]/ }, (args) => {
        if (args.kind !== 'require-call' || args.importer.includes('node_modules') || args.path.startsWith('node:')) return undefined;
        found.add(args.path);
        return { path: `./${readerFile(args.path)}`, external: true };
      });
    },
  };
}

interface OutputFile {
  readonly path: string;
  readonly contents: Uint8Array | string;
  /** Imports other files of the build: written after them. */
  readonly entry: boolean;
}

/** What each output file holds: the packages and project folders bundled into it. */
const contentsOf = (metafile: Metafile): Record<string, string[]> => Object.fromEntries(Object.entries(metafile.outputs)
  .map(([file, output]) => [basename(file), [...new Set(Object.keys(output.inputs).filter((input) => input !== '<stdin>').map(packageOfPath))].sort()]));

/**
 * Builds into dist/ without ever leaving it half-built for a run that starts meanwhile: each
 * file is written under a private name and renamed into place, the chunks (named by their
 * content) before the entries that import them, and only then are the previous build's
 * leftovers removed.
 */
export async function buildCli(options: { readonly outdir?: string; readonly readable?: boolean } = {}): Promise<void> {
  const outdir = options.outdir ?? DIST_DIR;
  // `readable` (the bench's profiles): unminified, with esbuild's `// path` comment before each module.
  const minify = !options.readable;
  const common = { absWorkingDir: PROJECT_ROOT, bundle: true, platform: 'node', target: 'node20', supported: HANDLER_BUNDLE.supported, minify, legalComments: 'none', metafile: true, write: false, logLevel: 'warning' } as const;
  const readers = new Set<string>();
  const program = await build({
    ...common,
    entryPoints: { briefing: 'cli/entry.ts', worker: 'local/batch/worker.ts' },
    outdir,
    entryNames: '[name]',
    outExtension: { '.js': '.cjs' },
    splitting: true,
    format: 'esm',
    mainFields: [...HANDLER_BUNDLE.mainFields],
    // The stubs only: lazyRequires below puts the readers in files of their own, as the handlers' readers are.
    alias: BUNDLE_ALIASES,
    banner: { js: HANDLER_BUNDLE.banner },
    define: HANDLER_BUNDLE.define,
    // Only reached when the program runs from its TypeScript sources (run-batch.ts, worker-bundle.ts).
    external: ['esbuild', 'tsx'],
    plugins: [lazyChildProcess, lazyRequires(readers)],
  });
  const readerBuilds = await Promise.all([...readers].map((pkg) => build({
    ...common,
    stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: PROJECT_ROOT },
    outfile: join(outdir, readerFile(pkg)),
    format: 'cjs',
  })));

  const inputs: Record<string, [number, number]> = {};
  for (const file of Object.keys(program.metafile.inputs)) {
    if (file.includes('node_modules/') || !existsSync(resolve(PROJECT_ROOT, file))) continue;
    const info = statSync(resolve(PROJECT_ROOT, file));
    inputs[file] = [info.size, info.mtimeMs];
  }
  const outputs = Object.assign(contentsOf(program.metafile), ...readerBuilds.map((b) => contentsOf(b.metafile)));
  const chunks = await Promise.all(program.outputFiles.map(async (file) => ({ path: file.path, contents: await chunkToCommonJs(file.text, minify), entry: ENTRIES.has(basename(file.path)) })));
  const files: OutputFile[] = [
    ...chunks,
    ...readerBuilds.flatMap((b) => b.outputFiles.map((file) => ({ path: file.path, contents: file.contents, entry: false }))),
    { path: join(outdir, PRECOMPILED_FILE), contents: precompiledSource(), entry: false },
    { path: join(outdir, LOADER_FILE), contents: readFileSync(LOADER_SOURCE), entry: true },
    { path: CLI_FILE_IN(outdir), contents: entrySource(CLI_CODE, { shebang: true }), entry: true },
    { path: join(outdir, 'worker.mjs'), contents: entrySource(WORKER_CODE), entry: true },
    { path: join(outdir, BUILD_INFO_FILE), contents: `${JSON.stringify({ inputs, outputs }, null, 1)}\n`, entry: true },
  ].map(inAscii).sort((a, b) => Number(a.entry) - Number(b.entry));
  mkdirSync(outdir, { recursive: true });
  for (const file of files) {
    const temp = `${file.path}.${process.pid}.tmp`;
    // The program is run directly (`bin`, a shebang): executable like any installed command.
    writeFileSync(temp, file.contents, { mode: file.path === CLI_FILE_IN(outdir) ? 0o755 : 0o644 });
    renameSync(temp, file.path);
  }
  // dist/web is the web page's, built beside (scripts/build-web.mjs); the code cache is made again below.
  const written = new Set([...files.map((file) => basename(file.path)), 'web']);
  for (const name of readdirSync(outdir)) if (!written.has(name)) rmSync(join(outdir, name), { recursive: true, force: true });
  trainCli(outdir);
}

const CLI_FILE_IN = (outdir: string): string => join(outdir, 'briefing.mjs');

/** A `.cjs` file in ASCII where it can be (infra/ascii-source.ts): V8 reads it as one byte a character. */
function inAscii(file: OutputFile): OutputFile {
  if (!file.path.endsWith('.cjs')) return file;
  const code = typeof file.contents === 'string' ? file.contents : Buffer.from(file.contents).toString('utf8');
  return { ...file, contents: asciiSource(code) ?? file.contents };
}

/**
 * The code cache of the command line (dist/code-cache/<this Node>/): one `briefing render` of
 * the seed by the program just built, on the Node that builds it (`npm ci` runs this with the
 * user's own), then one `briefing extract` of each READER_TRAINING article for the readers, then
 * one `briefing batch` of all of them for the batch threads, whose V8 flags (local/batch/tiering.ts)
 * make caches of their own: on one thread (`--jobs 1`), so the thread that writes its caches as
 * it ends is the one that briefed every article. A run that fails fails the build: the program
 * cannot render.
 */
function trainCli(outdir: string): void {
  const work = mkdtempSync(join(tmpdir(), 'briefing-train-'));
  const train = (args: readonly string[]): void => {
    // Trained cold, as the command line starts, whatever the shell that builds says.
    const { [WARM_ENV]: _warm, ...env } = process.env;
    execFileSync(process.execPath, [CLI_FILE_IN(outdir), ...args], { cwd: work, env: { ...env, [TRAIN_ENV]: '1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  };
  try {
    train(['render', join(PROJECT_ROOT, SEED.file), '-o', join(work, 'seed.pdf'), '--published', SEED.published]);
    for (const article of READER_TRAINING) train(['extract', join(PROJECT_ROOT, article.file)]);
    const batchIn = join(work, 'batch');
    mkdirSync(batchIn);
    for (const file of [SEED.file, ...READER_TRAINING.map((article) => article.file)]) copyFileSync(join(PROJECT_ROOT, file), join(batchIn, basename(file)));
    train(['batch', batchIn, '-o', join(work, 'batch-out'), '--jobs', '1']);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(PROJECT_ROOT, 'scripts/build-cli.ts')) {
  await buildCli();
}
