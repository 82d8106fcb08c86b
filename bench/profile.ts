/**
 * Where the time goes when a target is missed: runs a workload under `node --cpu-prof` and
 * reduces the .cpuprofile to the top self-time functions (function, file, share) and the share
 * of each package, so the owner of the slow code knows what to fix.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './articles';
import { lastLine, runTimed } from './child';
import { TMP_DIR } from './bundle';

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

/** A file URL as a path relative to the project, node internals and V8 states kept as named. */
function fileOf(url: string): string {
  if (!url) return '(native / V8)';
  const plain = url.replace(/^file:\/\//, '');
  return plain.startsWith(ROOT) ? path.relative(ROOT, plain) : plain;
}

function packageOf(file: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (match) return match[1]!;
  if (file.startsWith('node:') || file.startsWith('(')) return file.startsWith('node:') ? 'node internals' : file;
  return file.split('/').slice(0, 2).join('/');
}

export function summariseProfile(profile: CpuProfile, topN = 12): Omit<ProfileResult, 'workload'> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfTime = new Map<string, number>();
  const perPackage = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = profile.timeDeltas[i] ?? 0;
    if (!node || node.callFrame.functionName === '(idle)') return;
    const file = fileOf(node.callFrame.url);
    const key = `${node.callFrame.functionName || '(anonymous)'}\u0000${file}:${node.callFrame.lineNumber + 1}`;
    selfTime.set(key, (selfTime.get(key) ?? 0) + dt);
    perPackage.set(packageOf(file), (perPackage.get(packageOf(file)) ?? 0) + dt);
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

export async function profileWorkload(workload: string, ...args: string[]): Promise<ProfileResult> {
  mkdirSync(TMP_DIR, { recursive: true });
  const dir = mkdtempSync(path.join(TMP_DIR, 'profile-'));
  try {
    const run = await runTimed(process.execPath, [
      '--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', path.join(ROOT, 'bench/profile-child.ts'), workload, ...args,
    ]);
    if (run.code !== 0) throw new Error(`profiling ${workload} failed (exit ${run.code}): ${lastLine(run.stderr)}`);
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no .cpuprofile written for ${workload}`);
    const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
    return { workload, ...summariseProfile(profile) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
