/** The shape of bench/results.json: the machine, each section's outcome, the verdicts, profiles. */
import type { ChromiumResult } from './chromium';
import type { CliStartResult } from './cli-start';
import type { ColdStartResult } from './cold-start';
import type { ColdResult } from './cold/section';
import type { Machine } from './machine';
import type { ProfileResult } from './profile';
import type { RefusalsResult } from './refusals';
import type { ScaleResult } from './scale';
import type { StagesResult } from './stages';
import type { Verdict } from './targets';
import type { ThroughputResult } from './throughput';

export type Section<T> =
  | { readonly status: 'ok'; readonly seconds: number; readonly loadBefore: number; readonly loadAfter: number; readonly result: T }
  | { readonly status: 'not available'; readonly reason: string };

export interface Check {
  readonly measure: string;
  readonly value: string;
  readonly target: string;
  readonly verdict: Verdict;
}

export interface BenchResults {
  readonly machine: Machine;
  readonly quick: boolean;
  readonly sections: {
    stages?: Section<StagesResult>;
    throughput?: Section<ThroughputResult>;
    scale?: Section<ScaleResult>;
    coldstart?: Section<ColdStartResult>;
    cold?: Section<ColdResult>;
    chromium?: Section<ChromiumResult>;
    refusals?: Section<RefusalsResult>;
    cli?: Section<CliStartResult>;
  };
  readonly checks: readonly Check[];
  readonly profiles: ReadonlyArray<ProfileResult | { readonly workload: string; readonly error: string }>;
  /** Sections measured again later (`--only … --merge`) and merged into this run's results. */
  readonly merges?: ReadonlyArray<{ readonly sections: readonly string[]; readonly date: string; readonly loadAtStart: number; /** Where they ran, when not the run's machine. */ readonly machine?: string }>;
}
