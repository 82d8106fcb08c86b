/**
 * The public benchmarks gate extraction when they are beside the project (the shared folder of
 * the team, or $BRIEFING_BENCHMARKS): challenge-dev recall and precision ≥ 0.95 with no
 * not-figure hit, WAD killed exact match ≥ 0.85 and injured ≥ 0.93. A clone without them skips
 * this gate and says so.
 */
import { describe, expect, it } from 'vitest';
import { BENCHMARK_THRESHOLDS, benchmarksDir, runBenchmarks } from '../../lambdas/eval/benchmarks';

const dir = benchmarksDir();
if (!dir) console.log('benchmarks skipped: no shared/benchmarks beside the project (set BRIEFING_BENCHMARKS to a copy to run them)');

describe.skipIf(!dir)('public benchmarks', () => {
  it('hold the thresholds on challenge-dev and wad-dev', () => {
    const result = runBenchmarks(dir!);
    console.log(`benchmarks: challenge-dev recall ${result.challenge?.recall} precision ${result.challenge?.precision} not-figure hits ${result.challenge?.notFigureHits}; wad-dev killed ${result.wad?.killed} injured ${result.wad?.injured}`);
    expect(result.challenge).not.toBeNull();
    expect(result.wad).not.toBeNull();
    expect(result.failures).toEqual([]);
    expect(result.challenge!.recall).toBeGreaterThanOrEqual(BENCHMARK_THRESHOLDS.challengeRecall);
  }, 120_000);
});
