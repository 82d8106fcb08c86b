/** Messages between `briefing batch` and its worker threads. */
import { isBriefingError } from '../../lambdas/core/errors';

export interface BatchJob {
  readonly id: number;
  /** Absolute path of the article. */
  readonly file: string;
  /** Name given to intake (its extension picks the format; it lands in `article.input`). */
  readonly name: string;
  /** Output path without extension; `.json` and `.pdf` are added. */
  readonly outBase: string;
  readonly published?: string | null;
}

/**
 * What the main thread sends a worker: an article to brief, or null once there is no more work.
 * On null the thread exits by itself, so its exit handlers run (a training build writes the
 * thread's code cache in one).
 */
export type BatchMessage = BatchJob | null;

export type JobOutcome =
  | { readonly ok: true; readonly figures: number; readonly ms: number }
  /** `refused`: the article itself is at fault (bad input); trying again will not help. */
  | { readonly ok: false; readonly reason: string; readonly refused: boolean; readonly ms: number };

/** A worker's answer: a briefed article carries its PDF and figures JSON, for the main thread to write (outputs.ts). */
export type BatchReply = (
  | (Extract<JobOutcome, { ok: true }> & { readonly pdf: Uint8Array; readonly figuresJson: string })
  | Extract<JobOutcome, { ok: false }>
) & { readonly id: number };

/** A failure's reason: a BriefingError's message is one a person can act on; anything else is a bug, named as such. */
export const reasonOf = (error: unknown): string =>
  isBriefingError(error) ? error.message : `internal error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
