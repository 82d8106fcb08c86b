/**
 * Where the time goes when a target is missed: runs a workload under `node --cpu-prof` and
 * reduces the .cpuprofile to the top self-time functions (function, file, share) and the share
 * of each package, so the owner of the slow code knows what to fix.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './articles';
import { LAMBDA_ENV, lastLine, runTimed } from './child';
import { buildCli } from '../scripts/build-cli';
import { bundleScript, packageOfPath, TMP_DIR } from './bundle';
import { fillInput } from './throughput';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface HotSpot {
  readonly function: string;
  readonly file: string;
  readonly share: number;
}

export interface ProfileResult {
  readonly workload: string;
  readonly sampledMs: number;
  readonly top: readonly HotSpot[];
  readonly packages: ReadonlyArray<{ readonly package: string; readonly share: number }>;
}

/** Profiles of several threads as one: node ids are offset so they stay distinct. */
function merge(profiles: readonly CpuProfile[]): CpuProfile {
  if (profiles.length === 1) return profiles[0]!;
  const nodes: ProfileNode[] = [];
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  let offset = 0;
  for (const p of profiles) {
    let maxId = 0;
    for (const n of p.nodes) {
      nodes.push({ ...n, id: n.id + offset });
      maxId = Math.max(maxId, n.id);
    }
    samples.push(...p.samples.map((id) => id + offset));
    timeDeltas.push(...p.timeDeltas);
    offset += maxId + 1;
  }
  return { nodes, samples, timeDeltas };
}

/** A file URL as a path relative to the project, node internals and V8 states kept as named. */
function fileOf(url: string): string {
  if (!url) return '(native / V8)';
  const plain = url.replace(/^file:\/\//, '').replace(/\?.*$/, '');
  return plain.startsWith(ROOT) ? path.relative(ROOT, plain) : plain;
}

/** As packageOfPath, plus Node's own modules and V8's unnamed samples. */
function packageOf(file: string): string {
  if (file.startsWith('node:')) return 'node internals';
  if (file.startsWith('(')) return file;
  return packageOfPath(file);
}

/** Names the source of a sample: by default its file; for a bundle, the module inside it. */
type Locate = (url: string, line: number) => string;

export function summariseProfile(profile: CpuProfile, locate: Locate = (url, line) => `${fileOf(url)}:${line + 1}`, topN = 12): Omit<ProfileResult, 'workload'> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfTime = new Map<string, number>();
  const perPackage = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = profile.timeDeltas[i] ?? 0;
    if (!node || node.callFrame.functionName === '(idle)') return;
    const file = locate(node.callFrame.url, node.callFrame.lineNumber);
    const key = `${node.callFrame.functionName || '(anonymous)'}\u0000${file}`;
    selfTime.set(key, (selfTime.get(key) ?? 0) + dt);
    const pkg = packageOf(file.replace(/:\d+$/, ''));
    perPackage.set(pkg, (perPackage.get(pkg) ?? 0) + dt);
    total += dt;
  });
  const share = (us: number): number => Math.round((us / total) * 1000) / 10;
  const top = [...selfTime.entries()].sort((a, b) => b[1] - a[1]).slice(0, topN).map(([key, us]) => {
    const [fn, file] = key.split('\u0000') as [string, string];
    return { function: fn, file, share: share(us) };
  });
  const packages = [...perPackage.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([pkg, us]) => ({ package: pkg, share: share(us) }));
  return { sampledMs: Math.round(total / 1000), top, packages };
}

/** Runs `node --cpu-prof <args>` and returns the profiles it wrote (one per thread), merged. */
async function cpuProfile(workload: string, nodeArgs: readonly string[], env?: NodeJS.ProcessEnv, anyExit = false): Promise<CpuProfile> {
  mkdirSync(TMP_DIR, { recursive: true });
  const dir = mkdtempSync(path.join(TMP_DIR, 'profile-'));
  try {
    const run = await runTimed(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=100', ...nodeArgs], env ? { env } : {});
    if (run.code !== 0 && !anyExit) throw new Error(`profiling ${workload} failed (exit ${run.code}): ${lastLine(run.stderr)}`);
    const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
    if (files.length === 0) throw new Error(`no .cpuprofile written for ${workload}`);
    return merge(files.map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as CpuProfile));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A hot path of the pipeline (profile-child.ts), bundled without minification so no TypeScript
 * loader runs in the profile; samples in the bundle are named by the project module they ran in.
 */
export async function profileWorkload(workload: string, ...args: string[]): Promise<ProfileResult> {
  const bundle = await bundleScript('bench/profile-child.ts', 'profile-child');
  const profile = await cpuProfile(workload, [bundle, workload, ...args]);
  return { workload, ...summariseProfile(profile, bundleLocator(bundle)) };
}

/**
 * `briefing batch --jobs 1` over copies of the dev set, as the throughput row runs it, with the
 * main thread and the worker thread profiled together; the command line built unminified into
 * bench/tmp so each sample is named by the module it ran in.
 */
export async function profileBatch(articles: number): Promise<ProfileResult> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'briefing-bench-profile-batch-'));
  try {
    const input = path.join(work, 'in');
    mkdirSync(input);
    fillInput(input, articles);
    const cliDir = path.join(TMP_DIR, 'cli-readable');
    await buildCli({ outdir: cliDir, readable: true });
    const cli = path.join(cliDir, 'briefing.mjs');
    const profile = await cpuProfile('batch', [cli, 'batch', input, '-o', path.join(work, 'out'), '--jobs', '1'], undefined, true);
    const bundles = readdirSync(cliDir).filter((f) => /\.[mc]js$/.test(f)).map((f) => path.join(cliDir, f));
    return { workload: `briefing batch --jobs 1 over ${articles} articles (all threads)`, ...summariseProfile(profile, bundleLocator(...bundles)) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** One cold per-document render (cold-render-child.ts bundled): article → PDF in a fresh process. */
export async function profileColdRender(article: string, published: string | null): Promise<ProfileResult> {
  const bundle = await bundleScript('bench/cold-render-child.ts', 'cold-render');
  const out = path.join(TMP_DIR, 'profile-cold-render.pdf');
  const profile = await cpuProfile('cold render', [bundle, article, published ?? '-', out]);
  return { workload: `cold render of ${path.basename(article)} (fresh process)`, ...summariseProfile(profile, bundleLocator(bundle)) };
}

/** Lines at which each module of an unminified esbuild bundle starts (`// node_modules/x/y.js`). */
function moduleStarts(bundle: string): Array<{ line: number; module: string }> {
  const starts: Array<{ line: number; module: string }> = [];
  readFileSync(bundle, 'utf8').split('\n').forEach((text, line) => {
    const match = /^\/\/ ((?:node_modules|lambdas|cli|local|infra|templates|schema)\/\S+)$/.exec(text);
    if (match) starts.push({ line, module: match[1]! });
  });
  return starts;
}

/** Names a sample inside one of `bundles` by the module it ran in; other samples by their own file. */
function bundleLocator(...bundles: string[]): Locate {
  // Node names an ES module's samples by its URL, a file our code-cache loader compiled by its path.
  const startsOf = new Map(bundles.flatMap((bundle) => {
    const starts = moduleStarts(bundle);
    return [[pathToFileURL(bundle).href, starts], [bundle, starts]] as const;
  }));
  return (sampleUrl, line) => {
    const starts = startsOf.get(sampleUrl);
    if (!starts) return `${fileOf(sampleUrl)}:${line + 1}`;
    let found = '(bundle top level, esbuild runtime)';
    for (const start of starts) {
      if (start.line > line) break;
      found = start.module;
    }
    return found;
  };
}

/** The import of a handler bundle (readable build) through its entry, each sample named by the module of `code` it ran in. */
export async function profileColdImport(handler: string, entry: string, code: string): Promise<ProfileResult> {
  const url = pathToFileURL(entry).href;
  const profile = await cpuProfile(`cold import of ${handler}`, ['--input-type=module', '-e', `await import(${JSON.stringify(url)})`], { PATH: process.env.PATH, ...LAMBDA_ENV });
  return { workload: `cold import of the ${handler} handler`, ...summariseProfile(profile, bundleLocator(code)) };
}
