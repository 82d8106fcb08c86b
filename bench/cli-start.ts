/**
 * The command line's own start (issue 11): `briefing --help` and refusals of bad inputs, each a
 * fresh `node dist/briefing.mjs` as a user runs it, beside a bare `node -e 0` in the same run.
 * The runs are interleaved — one of each command in turn, the order rotated every round — so
 * the load of a shared machine falls on all of them alike; each command's median is divided
 * by the bare start's median. Targets: --help at most 2×, a refusal at most 3×.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeBadInputs } from '../tests/support/bad-inputs';
import { CLI_COMMAND, CLI_FILE, runTimed, type ChildResult } from './child';
import { round, summarise } from './stats';
import { TARGETS, verdict, type Target, type Verdict } from './targets';

export interface CliStartRow {
  /** What a user types (`briefing --help`, `briefing extract empty.txt`). */
  readonly command: string;
  readonly medianMs: number;
  readonly p95Ms: number;
  /** Median ÷ the median of `node -e 0`. */
  readonly ratio: number;
  readonly target: string;
  /** Why a run did not do what the command must (exit code, output), or null. */
  readonly problem: string | null;
  readonly verdict: Verdict;
}

export interface CliStartResult {
  readonly runs: number;
  readonly cli: string;
  readonly baseline: { readonly medianMs: number; readonly p95Ms: number };
  readonly rows: readonly CliStartRow[];
}

interface Measured {
  readonly command: string;
  readonly args: readonly string[];
  readonly target: Target | null;
  /** What every run must show, else the reason it is wrong. */
  readonly check: (run: ChildResult) => string | null;
}

const exits = (code: number, stream: 'stdout' | 'stderr', pattern: RegExp) => (run: ChildResult): string | null => {
  if (run.code !== code) return `exit ${run.code}, not ${code}`;
  return pattern.test(run[stream]) ? null : `${stream} does not match ${pattern}`;
};

/**
 * Refusals that need no parser — by size, signature, blank text, by name, a missing file — and
 * one that does (a page of menus: the HTML reader must run to find no article in it).
 */
const REFUSALS: ReadonlyArray<[file: string, reason: RegExp]> = [
  ['empty.txt', /file is empty/],
  ['report.txt', /binary file \(PDF document/],
  ['article.docx', /a Word document \(\.docx\) is not read here/],
  ['too-big-default.txt', /the limit for one article is/],
  ['missing.txt', /no such file/],
  ['menu-only.html', /no article text found in the HTML page/],
];

export async function benchCliStart(options: { runs: number }): Promise<CliStartResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefing-bench-cli-'));
  try {
    writeBadInputs(dir);
    const measured: Measured[] = [
      { command: 'node -e 0', args: ['-e', '0'], target: null, check: exits(0, 'stdout', /^$/) },
      { command: 'briefing --help', args: [CLI_FILE, '--help'], target: TARGETS.cliHelpRatio, check: exits(0, 'stdout', /^Usage: briefing /) },
      ...REFUSALS.map(([file, reason]): Measured => ({
        command: `briefing extract ${file}`,
        args: [CLI_FILE, 'extract', file],
        target: TARGETS.cliRefusalRatio,
        check: (run) => exits(3, 'stderr', new RegExp(`^error: ${file.replace(/\./g, '\\.')}: .*${reason.source}.*\\n$`))(run),
      })),
    ];
    const times = measured.map((): number[] => []);
    const problems = measured.map((): string | null => null);
    for (let round_ = 0; round_ < options.runs; round_ += 1) {
      for (let k = 0; k < measured.length; k += 1) {
        const i = (k + round_) % measured.length;
        const run = await runTimed(process.execPath, measured[i]!.args, { cwd: dir, timeoutMs: 60_000 });
        times[i]!.push(run.ms);
        problems[i] ??= measured[i]!.check(run);
      }
    }
    const [base, ...rest] = measured.map((m, i) => ({ m, summary: summarise(times[i]!), problem: problems[i]! }));
    const rows = rest.map(({ m, summary, problem }): CliStartRow => {
      const ratio = summary.median / base!.summary.median;
      return {
        command: m.command,
        medianMs: round(summary.median),
        p95Ms: round(summary.p95),
        ratio: round(ratio),
        target: m.target!.text,
        problem,
        verdict: problem ? 'miss' : verdict(m.target!, ratio),
      };
    });
    return { runs: options.runs, cli: CLI_COMMAND, baseline: { medianMs: round(base!.summary.median), p95Ms: round(base!.summary.p95) }, rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
