import { Command, CommanderError } from 'commander';
import { errorLine, EXIT_USAGE } from './exit';
import { registerExtract } from './commands/extract';
import { registerRender } from './commands/render';
import { registerBatch } from './commands/batch';
import { registerEval } from './commands/eval';
import { registerSubmit } from './commands/submit';

export function buildProgram(): Command {
  const program = new Command('briefing')
    .description('Turn news articles into key-figure extractions and two-page briefing PDFs.')
    .exitOverride()
    .configureOutput({
      // Commander's own messages start with "error: "; keep the contract's one-line shape.
      outputError: (message, write) => write(errorLine('briefing', message.replace(/^error:\s*/i, '').trim()) + '\n'),
    });
  registerExtract(program);
  registerRender(program);
  registerBatch(program);
  registerEval(program);
  registerSubmit(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
      return;
    }
    throw error;
  }
}
