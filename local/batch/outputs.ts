/**
 * A briefed article's files, `<out>.pdf` and `<out>.json`, written by the batch's main thread as
 * each worker's answer comes in, not by the workers. Two threads creating files in one folder
 * wait on the file system (ext4 here: about 0.25 ms an open under strace; in a CPU profile of a
 * 500-article `--jobs 2` batch the workers spent about a tenth of their time in the writes),
 * while the main thread sat idle. Measured: 5.33 and 5.35 s against 5.42 and 5.53 s (medians of
 * two sets of 6 interleaved rounds). Synchronously: an answer's files are written before the
 * next answer is read.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { BriefingError, describeError } from '../../lambdas/core/errors';

export interface ArticleOutputs {
  /** Output path without extension; `.pdf` and `.json` are added. */
  readonly outBase: string;
  readonly pdf: Uint8Array;
  /** The figures JSON, as written. */
  readonly figuresJson: string;
}

/** Writes an article's files; output folders already made are remembered in `madeDirs`. */
export function writeOutputs(outputs: ArticleOutputs, madeDirs: Set<string>): void {
  const dir = dirname(outputs.outBase);
  if (!madeDirs.has(dir)) {
    refusedAs(dir, () => mkdirSync(dir, { recursive: true }));
    madeDirs.add(dir);
  }
  // The briefing first: a disk that refuses it leaves no figures file behind without its PDF.
  writeOutput(`${outputs.outBase}.pdf`, outputs.pdf);
  writeOutput(`${outputs.outBase}.json`, outputs.figuresJson);
}

const writeOutput = (file: string, data: string | Uint8Array): void => refusedAs(file, () => writeFileSync(file, data));

/** What the disk refused is the article's failure, said with the path's name (a full disk, a folder or a file in its place). */
function refusedAs(path: string, write: () => unknown): void {
  try {
    write();
  } catch (error) {
    throw new BriefingError('storage', 'write_failed', `could not write ${path}: ${describeError(error)}`, { cause: error, permanent: false });
  }
}
