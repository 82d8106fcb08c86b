/**
 * Runs the real `briefing` command line as a child process, the way a user does, minus npm's
 * own start-up: `node dist/briefing.mjs …` (built from the sources by the tests' globalSetup),
 * from any working directory (a temp dir, a fixture dir).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** The program as `bin` and `npm run briefing` run it. */
export const cliFile = join(repoRoot, 'dist/briefing.mjs');
const cpuReporter = pathToFileURL(join(repoRoot, 'tests/support/report-cpu.mjs')).href;

export interface CliResult {
  /** Exit code; null when the process was killed (see `signal`). */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall-clock time from spawn to exit, milliseconds. */
  readonly ms: number;
  /** CPU time (user + system) the command used, milliseconds; null if it died before reporting. */
  readonly cpuMs: number | null;
}

export interface CliOptions {
  readonly cwd?: string;
  /** Added to (not replacing) the parent's environment. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly stdin?: string | Uint8Array;
  /** Kill the command after this long; the result then has `signal` set. Default 60 s. */
  readonly timeoutMs?: number;
  /** Node flags before the program (`--import` a probe). */
  readonly nodeArgs?: readonly string[];
}

export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const reportDir = mkdtempSync(join(tmpdir(), 'briefing-cpu-'));
  const report = join(reportDir, 'cpu.json');
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', cpuReporter, cliFile, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, ...options.env, BRIEFING_CPU_REPORT: report },
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: options.timeoutMs ?? 60_000,
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = performance.now() - started;
      let cpuMs: number | null = null;
      try {
        cpuMs = (JSON.parse(readFileSync(report, 'utf8')) as { cpuMs: number }).cpuMs;
      } catch {
        cpuMs = null; // killed before its exit handler ran
      }
      rmSync(reportDir, { recursive: true, force: true });
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        ms,
        cpuMs,
      });
    });
  });
}
