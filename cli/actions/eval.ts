/**
 * `briefing eval <dir>`: extraction over every article that has a `.gold.json` beside it,
 * per-article and overall key recall, precision and not-figure hits, and an exit code set by
 * the thresholds: 0 when they hold, 1 when not, 2 usage, 3 a folder that cannot be evaluated.
 */
import { formatReport } from '../../lambdas/eval/report';
import { evaluateDirectory } from '../../lambdas/eval/run';
import type { EvalCommandOptions } from '../commands/eval';
import { EXIT_FAILURE, EXIT_OK } from '../exit';

export function evalCommand(dir: string, options: EvalCommandOptions): number {
  const result = evaluateDirectory(dir);
  const t = result.totals;
  const failures = [
    t.recall < options.minRecall ? `key recall ${t.recall.toFixed(3)} < ${options.minRecall}` : null,
    t.precision < options.minPrecision ? `precision ${t.precision.toFixed(3)} < ${options.minPrecision}` : null,
    t.notFigureHits > options.maxNotFigures ? `not-figure hits ${t.notFigureHits} > ${options.maxNotFigures}` : null,
  ].filter((f): f is string => f !== null);
  if (options.json) {
    const thresholds = { minRecall: options.minRecall, minPrecision: options.minPrecision, maxNotFigures: options.maxNotFigures };
    process.stdout.write(`${JSON.stringify({ ...result, thresholds, pass: failures.length === 0, failures }, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatReport(result, options.verbose)}\n`);
    process.stdout.write(failures.length ? `\nFAIL: ${failures.join('; ')}\n` : '\nPASS: all thresholds hold\n');
  }
  return failures.length ? EXIT_FAILURE : EXIT_OK;
}
