/**
 * Typed errors shared by every stage. Each carries the stage it came from, a stable machine
 * code, and whether retrying could help: bad input is `permanent` (record it, never retry),
 * a storage hiccup is not (report it as a batch item failure so SQS redelivers it).
 */
export type Stage = 'intake' | 'extract' | 'template' | 'layout' | 'render' | 'storage' | 'usage';

export interface BriefingErrorOptions {
  readonly cause?: unknown;
  /** Extra facts for logs and error records (file name, line, limit, …). */
  readonly context?: Readonly<Record<string, unknown>>;
  /** True when the same input will fail again: record it and do not retry. */
  readonly permanent?: boolean;
}

export class BriefingError extends Error {
  override readonly name: string = 'BriefingError';
  readonly stage: Stage;
  readonly code: string;
  readonly permanent: boolean;
  readonly context: Readonly<Record<string, unknown>>;

  constructor(stage: Stage, code: string, message: string, options: BriefingErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.stage = stage;
    this.code = code;
    this.permanent = options.permanent ?? true;
    this.context = options.context ?? {};
  }
}

/** The input is not an article we can read: empty, binary, too large, unparseable, no body. */
export class IntakeError extends BriefingError {
  override readonly name = 'IntakeError';
  constructor(code: string, message: string, options: BriefingErrorOptions = {}) {
    super('intake', code, message, { ...options, permanent: true });
  }
}

/** The command line was used wrongly (exit code 2). */
export class UsageError extends BriefingError {
  override readonly name = 'UsageError';
  constructor(message: string, options: BriefingErrorOptions = {}) {
    super('usage', 'usage', message, { ...options, permanent: true });
  }
}

export const isBriefingError = (error: unknown): error is BriefingError => error instanceof BriefingError;

/** One line for any thrown value: "RangeError: Maximum call stack size exceeded". */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
}

/**
 * An error thrown while a stage worked on one input's bytes, classified by where it came from
 * rather than by its type: the pure core does the same thing with the same bytes every time, so
 * whatever it throws — a parser's RangeError, a TypeError deep in a library — will be thrown
 * again, and retrying only delays the error record. A BriefingError keeps its own verdict (a
 * core may say "temporary", e.g. its time ran out).
 */
export function inputFault(stage: Stage, error: unknown): BriefingError {
  if (isBriefingError(error)) return error;
  return new BriefingError(stage, 'internal_error', `the ${stage} stage failed on this input (${describeError(error)}); it would fail the same way again`, {
    cause: error,
    permanent: true,
  });
}
