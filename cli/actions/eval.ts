/**
 * `briefing eval [dir]`: extraction over every article that has a `.gold.json` beside it (the
 * development set by default), per-article and overall key recall, precision and not-figure
 * hits; then, side by side, the public benchmarks (challenge-dev, wad-dev) when they are beside
 * the project. The exit code is set by every threshold: 0 when they hold, 1 when not, 2 usage,
 * 3 a folder that cannot be evaluated.
 */
import { join } from 'node:path';
import { IntakeError } from '../../lambdas/core/errors';
import { BENCHMARK_THRESHOLDS, benchmarksDir, projectRoot, runBenchmarks, type BenchmarkResult } from '../../lambdas/eval/benchmarks';
import { formatReport } from '../../lambdas/eval/report';
import { evaluateDirectory } from '../../lambdas/eval/run';
import type { EvalCommandOptions } from '../commands/eval';
import { EXIT_FAILURE, EXIT_OK } from '../exit';
import { endColdStart } from '../../lambdas/core/cold-start';

function defaultDevSet(): string {
  const root = projectRoot(process.cwd());
  if (!root) throw new IntakeError('bad_dir', 'no folder given and not inside the project; name a folder of articles with .gold.json files', { context: { file: 'eval' } });
  return join(root, 'tests', 'fixtures', 'articles');
}

const f3 = (x: number): string => x.toFixed(3);

/** The three sets side by side, one line each. */
function sideBySide(name: string, dev: { recall: number; precision: number; notFigureHits: number }, options: EvalCommandOptions, bench: BenchmarkResult | null, skipped: string | null): string {
  const t = BENCHMARK_THRESHOLDS;
  const rows: string[][] = [
    ['set', 'measure', 'value', 'threshold'],
    [name, 'key recall / precision / not-figure hits', `${f3(dev.recall)} / ${f3(dev.precision)} / ${dev.notFigureHits}`, `≥ ${options.minRecall} / ≥ ${options.minPrecision} / ≤ ${options.maxNotFigures}`],
  ];
  if (bench?.challenge) rows.push(['challenge-dev', 'recall / precision / not-figure hits', `${f3(bench.challenge.recall)} / ${f3(bench.challenge.precision)} / ${bench.challenge.notFigureHits}`, `≥ ${t.challengeRecall} / ≥ ${t.challengePrecision} / ≤ ${t.challengeNotFigures}`]);
  if (bench?.wad) rows.push(['wad-dev', 'killed / injured exact match', `${f3(bench.wad.killed)} / ${f3(bench.wad.injured)}`, `≥ ${t.wadKilled} / ≥ ${t.wadInjured}`]);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const table = rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n');
  return skipped ? `${table}\n${skipped}` : table;
}

export function evalCommand(dirArg: string | undefined, options: EvalCommandOptions): number {
  const dir = dirArg ?? defaultDevSet();
  // Many articles in this one process: warm work (lambdas/core/cold-start.ts).
  endColdStart();
  const result = evaluateDirectory(dir);
  const t = result.totals;
  const failures = [
    t.recall < options.minRecall ? `key recall ${t.recall.toFixed(3)} < ${options.minRecall}` : null,
    t.precision < options.minPrecision ? `precision ${t.precision.toFixed(3)} < ${options.minPrecision}` : null,
    t.notFigureHits > options.maxNotFigures ? `not-figure hits ${t.notFigureHits} > ${options.maxNotFigures}` : null,
  ].filter((f): f is string => f !== null);

  const benchDir = options.benchmarks === false ? null : options.benchmarks ?? benchmarksDir(process.cwd());
  const skipped = options.benchmarks === false ? 'challenge-dev, wad-dev: not run (--no-benchmarks)'
    : benchDir ? null : 'challenge-dev, wad-dev: skipped (no shared/benchmarks beside the project; --benchmarks <dir> or $BRIEFING_BENCHMARKS names one)';
  const bench = benchDir ? runBenchmarks(benchDir) : null;
  if (bench) failures.push(...bench.failures);

  if (options.json) {
    const thresholds = { minRecall: options.minRecall, minPrecision: options.minPrecision, maxNotFigures: options.maxNotFigures, benchmarks: BENCHMARK_THRESHOLDS };
    process.stdout.write(`${JSON.stringify({ ...result, benchmarks: bench, thresholds, pass: failures.length === 0, failures }, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatReport(result, options.verbose)}\n\n${sideBySide(dirArg ?? 'development set', t, options, bench, skipped)}\n`);
    process.stdout.write(failures.length ? `\nFAIL: ${failures.join('; ')}\n` : '\nPASS: all thresholds hold\n');
  }
  return failures.length ? EXIT_FAILURE : EXIT_OK;
}
