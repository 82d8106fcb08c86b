/**
 * esbuild bundles into bench/tmp (git-ignored): the Lambda handlers with the CDK stack's own
 * bundling options (infra/bundling.ts), and the bench's child scripts, so the measures in fresh
 * processes run what a Lambda runs and carry no TypeScript loader in their time or memory.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { packageOfPath } from '../scripts/build-cli';
import { entrySource, HANDLER_CODE_FILE, writeEntry } from '../infra/code-cache';
import { writeAsciiSources } from '../infra/ascii-source';
import { ESBUILD_SUPPORTED } from '../infra/bundling';
import { PRECOMPILED_FILE } from '../lambdas/template/precompiled';
import { ROOT } from './articles';

export const TMP_DIR = path.join(ROOT, 'bench/tmp');

/** A bench child script as one file (an ES module, or CommonJS where `format` says); npm packages stay external and load from node_modules. */
export async function bundleScript(entry: string, name: string, format: 'esm' | 'cjs' = 'esm'): Promise<string> {
  mkdirSync(TMP_DIR, { recursive: true });
  const outfile = path.join(TMP_DIR, `${name}.${format === 'esm' ? 'mjs' : 'cjs'}`);
  await build({
    entryPoints: [path.join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format,
    target: 'node20',
    supported: ESBUILD_SUPPORTED,
    packages: 'external',
    // Lazily required modules (intake's parsers) need a real require inside an ESM bundle.
    ...(format === 'esm' ? { banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" } } : {}),
    logLevel: 'silent',
  } satisfies BuildOptions);
  return outfile;
}

type InfraBundling = typeof import('../infra/bundling');

/** The CDK stack's bundling module; loaded lazily so the rest of the bench runs without it. */
async function infraBundling(): Promise<InfraBundling> {
  try {
    return await import('../infra/bundling');
  } catch (error) {
    throw new Error(`infra/bundling.ts not available: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The stack's esbuild settings as esbuild's own options: every field passes through (so a new
 * one, like `alias`, is never silently dropped) except the banner, whose shape differs.
 */
function toEsbuild(bundle: InfraBundling['HANDLER_BUNDLE']): BuildOptions {
  const { banner, ...options } = bundle;
  return { ...(options as unknown as BuildOptions), banner: { js: banner } };
}

export interface HandlerBundle {
  /** The entry a process imports, as Lambda's runtime does: the loader (infra/code-cache.ts). */
  readonly outfile: string;
  /**
   * The same entry as CommonJS, beside it: what a CommonJS host requires (the cold section's
   * stand-in for Lambda's runtime, and its rows that run a bundle as a program), so that no row
   * starts Node's ES module loader, a start that on Lambda is the runtime's.
   */
  readonly commonJsEntry: string;
  /** The bundled code it runs (`handler.cjs`). */
  readonly codeFile: string;
  readonly description: string;
  /** Bytes of the files shipped beside the bundle (templates, fonts, ICC profile), by file. */
  readonly assets: ReadonlyArray<{ readonly file: string; readonly bytes: number }>;
  /** What fills the bundle: output bytes per npm package (or per project folder), largest first. */
  readonly composition: ReadonlyArray<{ readonly package: string; readonly bytes: number }>;
}

export { packageOfPath };

function composition(metafile: Metafile, outfile: string): Array<{ package: string; bytes: number }> {
  const output = metafile.outputs[path.relative(process.cwd(), outfile)] ?? Object.values(metafile.outputs)[0];
  const perPackage = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const pkg = packageOfPath(input);
    perPackage.set(pkg, (perPackage.get(pkg) ?? 0) + bytesInOutput);
  }
  return [...perPackage.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([pkg, bytes]) => ({ package: pkg, bytes }));
}

function filesUnder(dir: string, root = dir): Array<{ file: string; bytes: number }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full, root) : [{ file: path.relative(root, full), bytes: statSync(full).size }];
  });
}

/** The bench's CommonJS twin of a bundle's entry (HandlerBundle.commonJsEntry). */
const COMMONJS_ENTRY_FILE = 'index.cjs';

/** Where a bundle built like the handlers goes, and what ships beside it. */
export interface LambdaLikeBuild {
  /** Entry module, relative to the project root. */
  readonly entry: string;
  readonly outdir: string;
  /** Which handler's assets to copy beside it (infra/bundling.ts ASSETS_FOR). */
  readonly assetsOf: string;
  /** Unminified, for profiles that name modules. */
  readonly readable?: boolean;
  /** Extra esbuild plugins (the cold section swaps the AWS transport in). */
  readonly plugins?: BuildOptions['plugins'];
  /** What the entry re-exports (a handler's `handler`); a script exports nothing. */
  readonly exports?: readonly string[];
}

/**
 * Builds an entry exactly as infra/bundling.ts builds the handlers (everything bundled, the
 * stubs, CommonJS code behind the code-cache loader), with the handler's runtime assets beside
 * it. No code cache yet: a run with BRIEFING_CODE_CACHE_TRAIN=1 makes it, as the build's does.
 */
export async function bundleLikeHandler(spec: LambdaLikeBuild): Promise<HandlerBundle> {
  const infra = await infraBundling();
  const assetsFor = infra.ASSETS_FOR[spec.assetsOf as keyof InfraBundling['ASSETS_FOR']];
  if (!assetsFor) throw new Error(`infra/bundling.ts names no handler "${spec.assetsOf}"`);
  const readable = spec.readable ?? false;
  rmSync(spec.outdir, { recursive: true, force: true });
  mkdirSync(spec.outdir, { recursive: true });
  const codeFile = path.join(spec.outdir, HANDLER_CODE_FILE);
  const options = { ...toEsbuild(infra.HANDLER_BUNDLE), ...(readable ? { minify: false } : {}) };
  const built = await build({ ...options, entryPoints: [path.join(ROOT, spec.entry)], outfile: codeFile, bundle: true, metafile: true, logLevel: 'silent', plugins: spec.plugins ?? [] });
  const outfile = writeEntry(spec.outdir, spec.exports ?? []);
  const commonJsEntry = path.join(spec.outdir, COMMONJS_ENTRY_FILE);
  writeFileSync(commonJsEntry, entrySource(HANDLER_CODE_FILE, { exports: spec.exports ?? [], format: 'cjs' }));
  // Assets go where the handler looks for them: beside the bundle, as the CDK command hooks put them.
  infra.copyAssets(spec.outdir, undefined, assetsFor);
  // What it loads from beside itself (the readers, the precompiled templates), built by the very
  // commands the CDK hook runs, for whichever entry names them.
  const code = readFileSync(codeFile, 'utf8');
  const beside = [
    ...(code.includes('./reader-') ? infra.readerCommands(spec.outdir) : []),
    ...(code.includes(PRECOMPILED_FILE) ? [infra.precompileCommand(spec.outdir)] : []),
  ];
  if (beside.length > 0) execSync(beside.join(' && '), { stdio: ['ignore', 'ignore', 'inherit'] });
  // In ASCII, as the build's last step writes them (scripts/train-code-cache.ts).
  writeAsciiSources(spec.outdir);
  const assets = filesUnder(spec.outdir).filter((f) => ![HANDLER_CODE_FILE, path.basename(outfile), COMMONJS_ENTRY_FILE].includes(f.file));
  const { format, target, minify, external } = infra.HANDLER_BUNDLE;
  return {
    outfile,
    commonJsEntry,
    codeFile,
    assets,
    composition: composition(built.metafile, codeFile),
    description: `infra/bundling.ts (${format}, ${target}${minify && !readable ? ', minified' : ''}, everything bundled${external.length === 0 ? '' : `; beside it: ${external.join(', ')}`}; run by the code-cache loader)`,
  };
}

/**
 * Builds one handler exactly as infra/bundling.ts says, with its runtime assets beside it.
 * `readable` turns minification off (into a separate folder) so a CPU profile of the import can
 * name the module each sample fell in, from esbuild's `// path` comments.
 */
export async function bundleHandler(handler: string, readable = false): Promise<HandlerBundle> {
  const infra = await infraBundling();
  const entry = infra.HANDLER_ENTRIES[handler as keyof InfraBundling['HANDLER_ENTRIES']];
  if (!entry) throw new Error(`infra/bundling.ts names no handler "${handler}"`);
  const outdir = path.join(TMP_DIR, 'handlers', readable ? `${handler}-readable` : handler);
  return bundleLikeHandler({ entry, outdir, assetsOf: handler, readable, exports: ['handler'] });
}
