/**
 * lambdas/core/cold-start.ts: ends the cold start the code-cache loader holds (infra/code-cache-loader.cjs,
 * tested with the loader in tests/infra/code-cache.test.ts), and does nothing where no loader held one.
 */
import { cachedDataVersionTag } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { endColdStart, endColdStartForLongArticle, LONG_ARTICLE_BYTES } from '../../lambdas/core/cold-start';

const HOOK = Symbol.for('briefing.endColdStart');
const hooked = globalThis as { [HOOK]?: () => void };

describe('endColdStart', () => {
  afterEach(() => {
    delete hooked[HOOK];
  });

  it('calls the loader\'s endColdStart where the loader left one', () => {
    let calls = 0;
    hooked[HOOK] = () => {
      calls += 1;
    };
    endColdStart();
    expect(calls).toBe(1);
  });

  it('changes nothing in a process the loader did not start (run from source): no flag, no environment', () => {
    const tag = cachedDataVersionTag();
    const warm = process.env.BRIEFING_WARM;
    endColdStart();
    expect(cachedDataVersionTag()).toBe(tag);
    expect(process.env.BRIEFING_WARM).toBe(warm);
  });

  it('ends it before an article longer than LONG_ARTICLE_BYTES, and not before one of that length or less', () => {
    let calls = 0;
    hooked[HOOK] = () => {
      calls += 1;
    };
    endColdStartForLongArticle(new Uint8Array(4096));
    endColdStartForLongArticle(new Uint8Array(LONG_ARTICLE_BYTES));
    expect(calls).toBe(0);
    endColdStartForLongArticle(new Uint8Array(LONG_ARTICLE_BYTES + 1));
    expect(calls).toBe(1);
  });
});
