/** `briefing batch <in-dir> -o <out-dir>`: its definition; the work is in cli/actions/batch.ts. */
import { availableParallelism } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import { runCommand } from '../exit';
import { parsePublished } from '../options';

export interface BatchCommandOptions {
  readonly output: string;
  readonly jobs: number;
  readonly published?: string;
  readonly json?: boolean;
}

function parseJobs(value: string): number {
  const jobs = Number(value);
  if (!/^\d+$/.test(value) || jobs < 1 || jobs > 256) throw new InvalidArgumentError('expected a whole number of worker threads from 1 to 256.');
  return jobs;
}

export function registerBatch(program: Command): void {
  program
    .command('batch')
    .description('Brief every article in a folder (no S3): <name>.json and <name>.pdf per article, on worker threads.')
    .argument('<in-dir>', 'folder of articles (.txt .md .html .json), searched recursively; hidden files and *.gold.json are skipped')
    .requiredOption('-o, --output <out-dir>', 'where the .json and .pdf files go (created if missing)')
    .option('--jobs <n>', 'worker threads; the default is the number of cores available', parseJobs, availableParallelism())
    .option('--published <YYYY-MM-DD>', "publication date for every article; overrides the articles' own", parsePublished)
    .option('--json', 'print one JSON object a line per article ({"file","status","outputs"} or {"file","status","reason"}) instead of the summary')
    .addHelpText('after', '\nExit codes: 0 all briefed, 2 usage error, 3 some articles failed (each listed on stderr with its reason).')
    .action((inDir: string, options: BatchCommandOptions) =>
      runCommand(inDir, async () => (await import('../actions/batch')).batchCommand(inDir, options)));
}
