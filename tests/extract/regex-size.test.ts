/**
 * No regular expression in the extractor is longer than 200 characters: word lists live in the
 * lexicon, one word an entry, never in a long alternation. Literals are read from the sources;
 * expressions built at run time are caught by importing every module under a recording RegExp
 * (those a dependency builds, such as chrono's, are not the extractor's and are left out).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const DIR = join(import.meta.dirname, '../../lambdas/extract');
const MAX = 200;
const files = readdirSync(DIR, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
// A regex literal: a slash not after a word or closing bracket, its body, the closing slash and flags.
const LITERAL = /(?<![\w)\]])\/((?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\\n[])+)\/[dgimsuy]*/g;

describe('regular expressions in lambdas/extract', () => {
  it.each(files)('%s has no literal longer than 200 characters', (file) => {
    const src = readFileSync(join(DIR, file), 'utf8');
    const long = [...src.matchAll(LITERAL)].map((m) => m[1]!).filter((body) => body.length > MAX);
    expect(long.map((body) => `${body.length}: ${body.slice(0, 60)}…`)).toEqual([]);
  });

  const built: string[] = [];
  const Native = RegExp;
  afterAll(() => { globalThis.RegExp = Native; });

  it('builds none longer than 200 characters when its modules load', async () => {
    globalThis.RegExp = new Proxy(Native, {
      construct(target, args: [string | RegExp, string?]) {
        const re = new target(...args);
        // Only what the extractor's own files build: a dependency's expressions (chrono's) are not ours.
        const caller = new Error().stack?.split('\n')[2] ?? '';
        if (caller.includes('lambdas/extract/')) built.push(re.source);
        return re;
      },
    });
    vi.resetModules();
    for (const file of files) await import(join(DIR, file));
    globalThis.RegExp = Native;
    expect(built.length).toBeGreaterThan(0);
    expect(built.filter((source) => source.length > MAX).map((source) => `${source.length}: ${source.slice(0, 60)}…`)).toEqual([]);
  });
});
