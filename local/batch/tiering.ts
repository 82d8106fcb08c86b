/**
 * V8's optimising compiler, tuned for a batch's worker threads. Each thread is an isolate of its
 * own that optimises every hot function for itself, on the same cores that brief the articles.
 * Measured on Node 20 (V8 11.3), 500 articles with `--jobs 2` on 2 cores: TurboFan spent about
 * 3.8 s of CPU compiling (with its default inlining, single compiles of 50 to 110 ms) against
 * 1.2 s with these flags, and the batch took 6.1–6.6 s instead of 7.7–9.2 s; over 2,000
 * articles 19.6–20.5 s against 20.8–24.4 s, so a long run loses nothing. Functions are
 * optimised later (after 400,000 bytecodes run rather than 67,584) and without inlining.
 *
 * V8's flags belong to the process, so they are set before the threads are made, and only by
 * `briefing batch` (cli/actions/batch.ts). V8 folds its flags into a code cache's key, so the
 * threads' code has a cache of its own, which the build trains with a batch of its own
 * (scripts/build-cli.ts). Only on the V8 they were measured on (11.3): later ones tier up
 * through Maglev and count calls instead of this budget, and V8 prints an error for a flag it
 * does not know.
 */
import { setFlagsFromString } from 'node:v8';

/** Node 20's V8, the one measured (Node 21's 11.8 was not). */
const MEASURED_V8 = /^11\.3\./;
const FLAGS = ['--no-turbo-inlining', '--interrupt-budget=400000'] as const;

/** The flags a batch sets on the V8 of `version` (`process.versions.v8`): none on a V8 not measured. */
export function batchTieringFlags(version: string = process.versions.v8): readonly string[] {
  return MEASURED_V8.test(version) ? FLAGS : [];
}

/** Sets the flags for this process; `briefing batch` calls it before it makes its threads. */
export function tuneTieringForBatch(): void {
  for (const flag of batchTieringFlags()) setFlagsFromString(flag);
}
