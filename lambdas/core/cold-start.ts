/**
 * The end of a process's cold start. The code-cache loader that runs the built command line and
 * the Lambda entries starts a process cold (infra/code-cache-loader.cjs): V8's young generation
 * held at its first size and no optimising compiler, which a briefing of an ordinary article
 * finishes sooner without. Work that runs long ends it first: `briefing batch` (whose threads
 * then start warm), `briefing eval` and `briefing event` before they begin, the pipeline and the
 * command line before a long article (lambdas/pipeline/extract-bytes.ts, cli/actions/article.ts),
 * a stage handler after its first record; a Lambda entry ends it after its first invocation.
 * The loader leaves its `endColdStart` under this symbol; run from source (tsx), nothing was held
 * and there is nothing to end.
 */
const END_COLD_START = Symbol.for('briefing.endColdStart');

export function endColdStart(): void {
  (globalThis as { [END_COLD_START]?: () => void })[END_COLD_START]?.();
}

/**
 * An article longer than this is long work, and its cold start ends before it is read: without
 * TurboFan the built command line briefed a 512 KB article in 1.07 s against 1.39 s, but a 1 MB
 * one in 2.14 against 1.70 s and a 5 MB one in 7.9 against 5.2 s. Bytes, not text: a page's
 * markup is read too.
 */
export const LONG_ARTICLE_BYTES = 512 * 1024;

/** Ends the cold start before an article of more than LONG_ARTICLE_BYTES. */
export function endColdStartForLongArticle(bytes: Uint8Array): void {
  if (bytes.byteLength > LONG_ARTICLE_BYTES) endColdStart();
}
