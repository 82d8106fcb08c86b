/**
 * The `briefing` program. Each command lives in its own module, loaded only when it is the
 * command being run: `extract` must not pay for the AWS SDK that `submit` needs, so a bad
 * input is turned away in a fraction of a second. Top-level help loads them all.
 */
import { Command, CommanderError } from 'commander';
import { errorLine, EXIT_USAGE } from './exit';

type Register = (program: Command) => void;

/** In the order `briefing --help` lists them. */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  extract: async () => (await import('./commands/extract')).registerExtract,
  render: async () => (await import('./commands/render')).registerRender,
  batch: async () => (await import('./commands/batch')).registerBatch,
  eval: async () => (await import('./commands/eval')).registerEval,
  submit: async () => (await import('./commands/submit')).registerSubmit,
};

/** The program with `names` registered (all commands by default). */
export async function buildProgram(names: readonly string[] = Object.keys(COMMANDS)): Promise<Command> {
  const program = new Command('briefing')
    .description('Turn news articles into key-figure extractions and two-page briefing PDFs.')
    .exitOverride()
    .configureOutput({
      // Commander's own messages start with "error: "; keep the contract's one-line shape.
      outputError: (message, write) => write(errorLine('briefing', message.replace(/^error:\s*/i, '').trim()) + '\n'),
    });
  const registers = await Promise.all(names.map((name) => COMMANDS[name]!()));
  for (const register of registers) register(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<void> {
  const first = argv[0];
  const program = await buildProgram(first !== undefined && Object.hasOwn(COMMANDS, first) ? [first] : undefined);
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
