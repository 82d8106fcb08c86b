/**
 * The `briefing` program's commands. Each command's definition (cli/commands) is light: its
 * name, arguments, options and help. What it does (cli/actions) loads only when it runs, so
 * `briefing --help` and a refused input never load pdfkit, the AWS SDK or the extractor.
 */
import { Command, CommanderError } from 'commander';
import { version } from '../package.json';
import { registerBatch } from './commands/batch';
import { registerEval } from './commands/eval';
import { registerEvent } from './commands/event';
import { registerExtract } from './commands/extract';
import { registerReconcile } from './commands/reconcile';
import { registerRedrive } from './commands/redrive';
import { registerRender } from './commands/render';
import { registerStatus } from './commands/status';
import { registerSubmit } from './commands/submit';
import { errorLine, EXIT_USAGE } from './exit';

export function buildProgram(): Command {
  const program = new Command('briefing')
    .description('Turn news articles into key-figure extractions and two-page briefing PDFs.')
    .version(version, '-V, --version')
    .exitOverride()
    .configureOutput({
      // Commander's own messages start with "error: "; keep the contract's one-line shape.
      outputError: (message, write) => write(errorLine('briefing', message.replace(/^error:\s*/i, '').trim()) + '\n'),
    });
  // In the order `briefing --help` lists them.
  for (const register of [registerExtract, registerRender, registerEvent, registerBatch, registerEval, registerSubmit, registerStatus, registerRedrive, registerReconcile]) register(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<void> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
      return;
    }
    throw error;
  }
}
