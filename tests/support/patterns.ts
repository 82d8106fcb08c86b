/** Helpers for tests that compare rewritten regular expressions with the patterns they replace. */
import * as chrono from 'chrono-node';

/** Every match of the pattern in the text: where, what, and each group. */
export const matches = (pattern: RegExp, text: string): string[] =>
  [...text.matchAll(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))].map((m) => `${m.index}:${JSON.stringify([...m])}`);

/** chrono's own patterns, as its parsers build them. */
export const chronoPatterns = (): RegExp[] =>
  chrono.casual.parsers.flatMap((parser) => {
    const pattern: unknown = (parser as unknown as { pattern: (c: unknown) => unknown }).pattern({ option: {} });
    return pattern instanceof RegExp ? [pattern] : [];
  });
