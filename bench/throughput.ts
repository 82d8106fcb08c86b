/**
 * End-to-end throughput: `briefing batch` over N articles (copies of the development set in a
 * temporary folder), spawned as a child process, timed from spawn to exit, outputs counted.
 * The wall time includes the CLI's start (module loading, font parsing), as a user sees it.
 * Each `--jobs` runs ROUNDS times, interleaved with the others; its row is the run of median
 * rate, with every run's rate beside it. One run was the whole row before: on a shared machine a
 * single slow stretch (a batch of 500 takes about 5 s) decided the verdict either way.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { devSet } from './articles';
import { CLI_FILE, CPU_REPORTER, lastLine, runTimed } from './child';
import { round } from './stats';
import { TARGETS, verdict, type Verdict } from './targets';

export interface ThroughputRow {
  readonly jobs: number;
  readonly articles: number;
  /** Briefings per second (wall) of every run, in the order run; the row's figures are the median run's. */
  readonly runsPerSecond: readonly number[];
  readonly pdfs: number;
  readonly seconds: number;
  readonly briefingsPerSecond: number;
  /** The rate `briefing batch` prints itself (its own clock, after the CLI has started); null if absent. */
  readonly batchReportedPerSecond: number | null;
  /** CPU time of the whole batch process (every thread) per PDF, and its peak RSS. */
  readonly cpuMsPerBriefing: number | null;
  readonly maxRssMB: number | null;
  readonly exitCode: number | null;
  readonly verdict: Verdict;
  readonly note?: string;
}

export interface ThroughputResult {
  readonly articles: number;
  /** Time of `briefing --help`: the fixed start cost inside every row's wall time. */
  readonly cliStartMs: number;
  readonly rows: readonly ThroughputRow[];
}

/** Copies the dev set round-robin into `dir` until it holds `count` articles (unique names). */
export function fillInput(dir: string, count: number): void {
  const articles = devSet();
  if (articles.length === 0) throw new Error('the development set (tests/fixtures/articles) is empty');
  for (let i = 0; i < count; i += 1) {
    const source = articles[i % articles.length]!;
    const ext = path.extname(source.name);
    const name = `${String(i).padStart(4, '0')}-${path.basename(source.name, ext)}${ext}`;
    writeFileSync(path.join(dir, name), source.bytes);
  }
}

function countFiles(dir: string, ext: string): number {
  if (!existsSync(dir)) return 0;
  let count = 0;
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) count += countFiles(full, ext);
    else if (entry.endsWith(ext)) count += 1;
  }
  return count;
}

/** The summary line of `briefing batch`: "… (123.4 briefings/s on 2 workers) …". */
function reportedRate(stdout: string): number | null {
  const match = /([\d.]+) briefings\/s/.exec(stdout);
  return match ? Number(match[1]) : null;
}

/** Runs of each `--jobs`, interleaved. */
const ROUNDS = 3;

/**
 * The run of median rate (runs that made fewer PDFs rank below; of an even number, the upper
 * one), with every run's rate, and the note of every run that failed, so a failure that is not
 * the median run still shows on the row.
 */
function medianRun(runs: readonly Omit<ThroughputRow, 'runsPerSecond'>[]): ThroughputRow {
  const ranked = [...runs].sort((a, b) => a.pdfs - b.pdfs || a.briefingsPerSecond - b.briefingsPerSecond);
  const notes = runs.flatMap((run, i) => (run.note ? [`run ${i + 1}: ${run.note}`] : []));
  return { ...ranked[Math.floor(ranked.length / 2)]!, runsPerSecond: runs.map((run) => run.briefingsPerSecond), ...(notes.length > 0 ? { note: notes.join('; ') } : {}) };
}

export async function benchThroughput(options: { articles: number; jobs: readonly number[]; rounds?: number }): Promise<ThroughputResult> {
  const rounds = options.rounds ?? ROUNDS;
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`throughput: rounds must be a whole number of at least 1, not ${rounds}`);
  const work = mkdtempSync(path.join(os.tmpdir(), 'briefing-bench-batch-'));
  try {
    const input = path.join(work, 'in');
    mkdirSync(input);
    fillInput(input, options.articles);
    const help = await runTimed(process.execPath, [CLI_FILE, '--help']);
    const runs = new Map<number, Omit<ThroughputRow, 'runsPerSecond'>[]>(options.jobs.map((jobs) => [jobs, []]));
    for (let pass = 0; pass < rounds; pass += 1) for (const jobs of options.jobs) {
      const output = path.join(work, `out-${jobs}-${pass}`);
      const cpuFile = path.join(work, `cpu-${jobs}-${pass}.json`);
      const run = await runTimed(
        process.execPath,
        ['--import', CPU_REPORTER, CLI_FILE, 'batch', input, '-o', output, '--jobs', String(jobs)],
        { env: { ...process.env, BRIEFING_CPU_REPORT: cpuFile } },
      );
      const usage = existsSync(cpuFile) ? (JSON.parse(readFileSync(cpuFile, 'utf8')) as { cpuMs: number; maxRssMB: number }) : null;
      // Outputs stay until the end (about 200 MB): deleting 1,000 files slows the file creations
      // of the run that follows (ext4 here: 0.3 ms more an open, measured).
      const pdfs = countFiles(output, '.pdf');
      const seconds = run.ms / 1000;
      const rate = pdfs / seconds;
      runs.get(jobs)!.push({
        jobs,
        articles: options.articles,
        pdfs,
        seconds: round(seconds),
        briefingsPerSecond: round(rate),
        batchReportedPerSecond: reportedRate(run.stdout),
        cpuMsPerBriefing: usage && pdfs > 0 ? round(usage.cpuMs / pdfs) : null,
        maxRssMB: usage ? round(usage.maxRssMB) : null,
        exitCode: run.code,
        // The target is stated for 2 cores; the single-job row is shown for scaling, not judged.
        verdict: jobs === 2 && pdfs > 0 ? verdict(TARGETS.throughput, rate) : 'n/a',
        ...(run.code !== 0 || pdfs < options.articles ? { note: `exit ${run.code}, ${pdfs}/${options.articles} PDFs: ${lastLine(run.stderr) || lastLine(run.stdout)}` } : {}),
      });
    }
    return { articles: options.articles, cliStartMs: round(help.ms), rows: options.jobs.map((jobs) => medianRun(runs.get(jobs)!)) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
