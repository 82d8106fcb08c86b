/**
 * Refusals (issue 3): every bad input of the CLI test (tests/support/bad-inputs.ts), each run
 * through the real command line as a user runs it — `node dist/briefing.mjs extract <file>`
 * from the project root, a fresh process per run — checked for exit 3 and exactly one
 * `error: <file>: <reason>` line, and timed: median wall time of a few runs per input.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BAD_INPUTS, writeBadInputs } from '../tests/support/bad-inputs';
import { ROOT } from './articles';
import { CLI_COMMAND, CLI_FILE, runTimed, type ChildResult } from './child';
import { round, summarise } from './stats';
import { TARGETS, verdict, type Verdict } from './targets';

export interface RefusalRow {
  /** The `extract` arguments as a user types them (file name relative to the inputs' folder). */
  readonly input: string;
  readonly medianMs: number;
  readonly maxMs: number;
  /** The last run's first stderr line, without its `error: <file>: ` prefix. */
  readonly reason: string;
  /** Why the refusal is wrong (exit code, line count, stack trace, reason), or null if right. */
  readonly problem: string | null;
  readonly verdict: Verdict;
}

export interface RefusalsResult {
  readonly runs: number;
  /** How the CLI was run (absent in results from before dist/: `node --import tsx bin/briefing.ts`). */
  readonly command?: string;
  readonly rows: readonly RefusalRow[];
  readonly worst: { readonly input: string; readonly medianMs: number; readonly verdict: Verdict } | null;
  /** Inputs not refused as issue 3 says (exit 3, one line, the expected reason). */
  readonly wrong: number;
}

/** What is wrong with one refusal, or null: the same rules the CLI test asserts. */
function problemOf(run: ChildResult, file: string, expected: RegExp): string | null {
  if (run.code !== 3) return `exit ${run.code}, not 3`;
  if (run.stdout !== '') return 'wrote to stdout';
  if (/^\s+at /m.test(run.stderr)) return 'stack trace on stderr';
  const lines = run.stderr.endsWith('\n') ? run.stderr.slice(0, -1).split('\n') : [run.stderr];
  if (lines.length !== 1) return `${lines.length} lines on stderr, not 1`;
  const prefix = `error: ${file}: `;
  if (!lines[0]!.startsWith(prefix)) return `line does not start \`${prefix}\``;
  return expected.test(lines[0]!.slice(prefix.length)) ? null : `reason does not match ${expected}`;
}

export async function benchRefusals(options: { runs: number }): Promise<RefusalsResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefing-bench-refusals-'));
  try {
    writeBadInputs(dir);
    const rows: RefusalRow[] = [];
    for (const [[name, ...flags], expected] of BAD_INPUTS) {
      const file = path.join(dir, name!);
      const times: number[] = [];
      let last: ChildResult | null = null;
      let problem: string | null = null;
      for (let i = 0; i < options.runs; i += 1) {
        last = await runTimed(process.execPath, [CLI_FILE, 'extract', file, ...flags], { cwd: ROOT, timeoutMs: 30_000 });
        times.push(last.ms);
        problem ??= problemOf(last, file, expected);
      }
      const line = last!.stderr.split('\n')[0]!;
      const summary = summarise(times);
      rows.push({
        input: [name, ...flags].join(' '),
        medianMs: round(summary.median),
        maxMs: round(summary.max),
        reason: line.startsWith(`error: ${file}: `) ? line.slice(`error: ${file}: `.length) : line,
        problem,
        verdict: verdict(TARGETS.refusal, summary.median),
      });
    }
    const worst = rows.reduce<RefusalRow | null>((slowest, row) => (slowest && slowest.medianMs >= row.medianMs ? slowest : row), null);
    return {
      runs: options.runs,
      command: CLI_COMMAND,
      rows,
      worst: worst && { input: worst.input, medianMs: worst.medianMs, verdict: worst.verdict },
      wrong: rows.filter((row) => row.problem !== null).length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
