/**
 * How a `briefing batch` worker thread is started when the CLI runs from TypeScript (tsx).
 *
 * Node 20 does not hand tsx's loader hooks on to worker threads, so each thread would load tsx
 * and compile the whole pipeline (~700 modules) itself: 1–2 s per thread, paid again by every
 * thread, on the cores the briefings need. Instead the worker entry is bundled once with
 * esbuild (which tsx itself runs on) into one ES module under `node_modules/.cache/`, inside
 * the project so the renderer finds its fonts and templates from there as it does from the
 * sources. The bundle is reused while none of the files it was built from changed; a build that
 * fails, or a missing esbuild, falls back to starting the thread through tsx.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** The same banner as the Lambda bundles (infra/bundling.ts): CommonJS dependencies call `require`. */
const REQUIRE_BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/** What the cached bundle was built from: each input file with its size and modification time. */
interface BuildStamp {
  readonly node: string;
  readonly entry: string;
  readonly inputs: Readonly<Record<string, readonly [number, number]>>;
}

const stampOf = (root: string, files: readonly string[]): Record<string, [number, number]> => {
  const inputs: Record<string, [number, number]> = {};
  for (const file of files) {
    const info = statSync(resolve(root, file));
    inputs[file] = [info.size, info.mtimeMs];
  }
  return inputs;
};

function upToDate(bundle: string, stampFile: string, root: string, entry: string): boolean {
  if (!existsSync(bundle) || !existsSync(stampFile)) return false;
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as BuildStamp;
    if (stamp.node !== process.version || stamp.entry !== entry) return false;
    const now = stampOf(root, Object.keys(stamp.inputs));
    return Object.entries(stamp.inputs).every(([file, [size, mtime]]) => now[file]![0] === size && now[file]![1] === mtime);
  } catch {
    // a file was removed or the stamp is unreadable: build again
    return false;
  }
}

/**
 * The bundled worker for a TypeScript `entry` (absolute path), built or reused; null when it
 * cannot be built here (no esbuild, a build error), so the caller starts the thread another way.
 */
export async function bundledWorker(entry: string): Promise<URL | null> {
  const root = projectRoot(dirname(entry));
  if (!root) return null;
  const cache = join(root, 'node_modules', '.cache', 'briefing');
  const name = entry.slice(root.length + 1).replace(/[\\/]/g, '_').replace(/\.ts$/, '');
  const bundle = join(cache, `${name}.mjs`);
  const stampFile = join(cache, `${name}.stamp.json`);
  if (upToDate(bundle, stampFile, root, entry)) return pathToFileURL(bundle);
  try {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: [entry],
      absWorkingDir: root,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: `node${process.versions.node}`,
      mainFields: ['module', 'main'],
      banner: { js: REQUIRE_BANNER },
      metafile: true,
      write: false,
      logLevel: 'silent',
    });
    mkdirSync(cache, { recursive: true });
    // Written under a private name and renamed: two batches starting together never read half a file.
    const temp = `${bundle}.${process.pid}.tmp`;
    writeFileSync(temp, result.outputFiles[0]!.contents);
    renameSync(temp, bundle);
    const stamp: BuildStamp = { node: process.version, entry, inputs: stampOf(root, Object.keys(result.metafile.inputs).filter((f) => existsSync(resolve(root, f)))) };
    writeFileSync(`${stampFile}.${process.pid}.tmp`, JSON.stringify(stamp));
    renameSync(`${stampFile}.${process.pid}.tmp`, stampFile);
    return pathToFileURL(bundle);
  } catch {
    return null;
  }
}

/** The nearest folder at or above `dir` holding a package.json and node_modules. */
function projectRoot(dir: string): string | null {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json')) && existsSync(join(d, 'node_modules'))) return d;
    if (dirname(d) === d) return null;
  }
}

/**
 * How each worker thread of `workerUrl` starts: compiled JavaScript directly; from TypeScript,
 * the worker bundled once for all threads (above); failing that, through tsx in every thread,
 * since Node 20 does not pass the loader hooks on to threads.
 */
export async function workerStarter(workerUrl: URL, resourceLimits?: ResourceLimits): Promise<() => Worker> {
  if (!workerUrl.pathname.endsWith('.ts')) return () => new Worker(workerUrl, { resourceLimits });
  const bundled = await bundledWorker(fileURLToPath(workerUrl));
  if (bundled) {
    const execArgv = withoutPreloads(process.execArgv);
    return () => new Worker(bundled, { execArgv, resourceLimits });
  }
  const api = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(workerUrl.href)}, ${JSON.stringify(workerUrl.href)}))`;
  return () => new Worker(boot, { eval: true, resourceLimits });
}

/** Flags that load modules before the entry (tsx, a TypeScript probe): threads inherit them, and a bundled worker needs none. */
const PRELOAD_FLAGS = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader']);

function withoutPreloads(argv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]!;
    if (PRELOAD_FLAGS.has(flag)) i += 1;
    else if (!PRELOAD_FLAGS.has(flag.split('=')[0]!)) kept.push(flag);
  }
  return kept;
}
