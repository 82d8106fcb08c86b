/**
 * `briefing eval <dir>`: extraction over every article that has a `.gold.json` beside it,
 * per-article and overall key recall, precision and not-figure hits, and an exit code set by
 * the thresholds: 0 when they hold, 1 when not, 2 usage, 3 a folder that cannot be evaluated.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { EXIT_FAILURE, EXIT_OK, runCommand } from '../exit';

export interface EvalCommandOptions {
  readonly minRecall: number;
  readonly minPrecision: number;
  readonly maxNotFigures: number;
  readonly json?: boolean;
  readonly verbose?: boolean;
}

function parseShare(value: string): number {
  const n = Number(value);
  if (!/^\d*\.?\d+$/.test(value) || n < 0 || n > 1) throw new InvalidArgumentError('expected a number from 0 to 1, e.g. 0.95.');
  return n;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('expected a whole number, e.g. 0.');
  return n;
}

export async function evalCommand(dir: string, options: EvalCommandOptions): Promise<number> {
  const [{ evaluateDirectory }, { formatReport }] = await Promise.all([
    import('../../lambdas/eval/run'),
    import('../../lambdas/eval/report'),
  ]);
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

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('Score extraction against the .gold.json files of a folder (key recall, precision, not-figure hits).')
    .argument('<dir>', 'folder of articles, each with <name>.gold.json beside it')
    .option('--min-recall <share>', 'lowest acceptable overall key recall', parseShare, 0.95)
    .option('--min-precision <share>', 'lowest acceptable overall precision', parseShare, 0.9)
    .option('--max-not-figures <count>', 'most not-figure hits allowed', parseCount, 0)
    .option('--json', 'print the scores as JSON instead of a table')
    .option('--verbose', 'also list extracted figures the gold does not know')
    .addHelpText('after', '\nExit codes: 0 thresholds hold, 1 they do not, 2 usage error, 3 folder or article cannot be read.')
    .action((dir: string, options: EvalCommandOptions) => runCommand(dir, () => evalCommand(dir, options)));
}
