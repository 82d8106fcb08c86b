/**
 * Exit codes and the one-line error of the contract: 0 success, 2 usage, 3 bad input.
 * Every command action runs through `runCommand`, so no stack trace ever reaches a user for a
 * known failure; an unexpected bug still prints one line, plus the stack only with DEBUG set.
 */
import { isBriefingError, UsageError } from '../lambdas/core/errors';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_BAD_INPUT = 3;

/** One line, `error: <file>: <reason>`; newlines in a reason are folded so it stays one line. */
export function errorLine(file: string, reason: string): string {
  return `error: ${file}: ${reason.replace(/\s*\n\s*/g, ' ')}`;
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return EXIT_USAGE;
  if (isBriefingError(error) && error.permanent) return EXIT_BAD_INPUT;
  return EXIT_FAILURE;
}

/**
 * Runs a command body; on failure writes one line to stderr and sets the exit code.
 * `file` names what failed when the error itself does not (`error.context.file`).
 */
export async function runCommand(file: string, body: () => Promise<number | void> | number | void): Promise<void> {
  try {
    const code = await body();
    process.exitCode = code ?? EXIT_OK;
  } catch (error) {
    const where = isBriefingError(error) && typeof error.context.file === 'string' ? error.context.file : file;
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(errorLine(where, reason) + '\n');
    if (process.env.DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = exitCodeFor(error);
  }
}
