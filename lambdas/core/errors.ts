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
