/**
 * The end of a process's cold start, for work that briefs many articles in one process (`briefing
 * batch`, whose threads then start warm, and `briefing eval`). The code-cache loader that runs
 * the built command line holds V8's young generation at its first size while a process is cold
 * (infra/code-cache-loader.mjs, `endColdStart`: fresh memory is dear on a cold start, frequent
 * collections are dear warm) and leaves its `endColdStart` under this symbol; run from source
 * (tsx), nothing was held and there is nothing to end.
 */
const END_COLD_START = Symbol.for('briefing.endColdStart');

export function endColdStart(): void {
  (globalThis as { [END_COLD_START]?: () => void })[END_COLD_START]?.();
}
