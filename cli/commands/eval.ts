/** `briefing eval [dir]`: its definition; the work is in cli/actions/eval.ts. */
import { InvalidArgumentError, type Command } from 'commander';
import { runCommand } from '../exit';

export interface EvalCommandOptions {
  readonly minRecall: number;
  readonly minPrecision: number;
  readonly maxNotFigures: number;
  readonly json?: boolean;
  readonly verbose?: boolean;
  /** Folder of the public benchmarks; `false` with --no-benchmarks. */
  readonly benchmarks?: string | false;
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

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('Score extraction: a folder of articles with .gold.json files (default: the development set), side by side with the public benchmarks when they are beside the project.')
    .argument('[dir]', 'folder of articles, each with <name>.gold.json beside it (format: docs/eval.md); default tests/fixtures/articles')
    .option('--benchmarks <dir>', 'folder holding challenge-dev/ and wad-dev/ (default: shared/benchmarks beside the project, or $BRIEFING_BENCHMARKS)')
    .option('--no-benchmarks', 'score the folder only')
    .option('--min-recall <share>', 'lowest acceptable overall key recall', parseShare, 0.95)
    .option('--min-precision <share>', 'lowest acceptable overall precision', parseShare, 0.9)
    .option('--max-not-figures <count>', 'most not-figure hits allowed', parseCount, 0)
    .option('--json', 'print the scores as JSON instead of a table')
    .option('--verbose', 'also list extracted figures the gold does not know')
    .addHelpText('after', '\nExit codes: 0 thresholds hold, 1 they do not, 2 usage error, 3 folder or article cannot be read.')
    .action((dir: string | undefined, options: EvalCommandOptions) =>
      runCommand(dir ?? 'eval', async () => (await import('../actions/eval')).evalCommand(dir, options)));
}
