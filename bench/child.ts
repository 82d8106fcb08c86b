/** Child processes for the measures that need a fresh process: timed, output captured. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './articles';

export interface ChildResult {
  readonly ms: number;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment of every timed child: the given one without NODE_EXTRA_CA_CERTS. Node 20 reads
 * and parses that certificate file as it starts, whatever the program (here a whole CA bundle:
 * about 35 ms and 0.4 G instructions, more than `node -e 0` costs without it), and Lambda's Node
 * runtimes leave it unset. A timed row with it and a `node -e 0` without it, or the reverse, would
 * compare two different Node starts; unset for all, every ratio compares ours with Node's own start.
 */
export function timedEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _extraCaCerts, ...rest } = env;
  return rest;
}

export function runTimed(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      env: timedEnv(options.env ?? process.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 600_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - start, code, stdout, stderr }));
  });
}

/** The command line as users run it: the built JavaScript (`npm run briefing`, `bin`). */
export const CLI_FILE = path.join(ROOT, 'dist/briefing.mjs');
/** How the bench's tables name that way of running it. */
export const CLI_COMMAND = 'node dist/briefing.mjs';
/** Preloaded into a measured child: at exit, its CPU time and peak RSS go to $BRIEFING_CPU_REPORT. */
export const CPU_REPORTER = path.join(ROOT, 'tests/support/report-cpu.mjs');

/**
 * A one-line reason from a child's output: the last line naming an error (Node ends an uncaught
 * exception's report with its version, which says nothing), else the last line.
 */
export function lastLine(text: string): string {
  const lines = text.trim().split('\n').map((line) => line.trim()).filter(Boolean);
  return lines.findLast((line) => /error/i.test(line)) ?? lines.at(-1) ?? '';
}

/** What a Lambda's environment gives a handler at import; no request is ever made. */
export const LAMBDA_ENV: NodeJS.ProcessEnv = {
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_LAMBDA_FUNCTION_NAME: 'bench',
  OUTPUT_BUCKET: 'briefings',
  POWERTOOLS_METRICS_NAMESPACE: 'bench',
};
