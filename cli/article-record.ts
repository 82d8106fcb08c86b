/**
 * `--json` for the commands that handle many articles (`batch`, `submit`): one JSON object a
 * line on stdout per article, written as each one finishes, so a script can follow a long run.
 *
 * - `ok`: briefed; `outputs` lists the files written (PDF first, then the Extraction JSON).
 * - `submitted`: uploaded without `--wait`; `outputs` holds the `s3://` object.
 * - `refused`: the article itself is at fault (bad input); `reason` says why. Trying again will not help.
 * - `failed`: not finished for another reason (no answer in time, a crash, a write error); `reason` says why.
 */
export type ArticleStatus = 'ok' | 'submitted' | 'refused' | 'failed';

export type ArticleRecord =
  | { readonly file: string; readonly status: 'ok' | 'submitted'; readonly outputs: readonly string[] }
  | { readonly file: string; readonly status: 'refused' | 'failed'; readonly reason: string };

export function writeArticleRecord(record: ArticleRecord): void {
  process.stdout.write(`${JSON.stringify(record)}\n`);
}
