/**
 * The per-stage section as the bench runs it: the measurement of stages.ts in a fresh process,
 * on the stages bundled as the handlers and the command line ship them (esbuild; the packages as
 * they are). tsx's transform of the sources names each function it creates (`__name`, for
 * esbuild's keepNames), which no shipped build does: 7.7% of a warm extraction's profile, and
 * the bundled extraction was faster in 5 of 6 side-by-side runs over the development set.
 */
import { bundleScript } from './bundle';
import { lastLine, runTimed } from './child';
import type { StagesResult } from './stages';

export async function benchStages(options: { iterations: number; warmup: number }): Promise<StagesResult> {
  const child = await bundleScript('bench/stages-child.ts', 'stages-child');
  const run = await runTimed(process.execPath, [child, String(options.iterations), String(options.warmup)]);
  if (run.code !== 0) throw new Error(`the stages child failed (exit ${run.code}): ${lastLine(run.stderr)}`);
  return JSON.parse(lastLine(run.stdout)) as StagesResult;
}
