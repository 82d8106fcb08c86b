/** The targets of issue 8 (and of issues 3 and 5), each checked against the figure it constrains. */
export type Verdict = 'pass' | 'miss' | 'n/a';

export interface Target {
  readonly id: string;
  readonly text: string;
  /** Returns whether the measured value meets the target. */
  readonly check: (value: number) => boolean;
}

const atMost = (id: string, limit: number, text: string): Target => ({ id, text, check: (v) => v <= limit });
const atLeast = (id: string, limit: number, text: string): Target => ({ id, text, check: (v) => v >= limit });
const below = (id: string, limit: number, text: string): Target => ({ id, text, check: (v) => v < limit });

/** 1.5 MB, the bundle budget before the font. */
export const BUNDLE_BUDGET_BYTES = 1.5 * 1024 * 1024;
/** "Linear" growth: time per KB at 5 MB within this factor of time per KB at 64 KB. */
export const LINEAR_GROWTH_TOLERANCE = 1.5;

export const TARGETS = {
  throughput: atLeast('throughput', 100, '≥ 100 briefings/s on 2 cores'),
  extractionPer4KB: atMost('extraction', 5, '≤ 5 ms per 4 KB'),
  rendering: atMost('rendering', 15, '≤ 15 ms'),
  coldImport: atMost('cold-import', 100, '≤ 100 ms'),
  bundleSize: atMost('bundle-size', BUNDLE_BUDGET_BYTES, '≤ 1.5 MB + font'),
  chromiumRatio: atLeast('chromium-ratio', 40, '≥ 40× faster'),
  growth: atMost('growth', LINEAR_GROWTH_TOLERANCE, `linear (≤ ${LINEAR_GROWTH_TOLERANCE}×)`),
  peakRss: atMost('peak-rss', 256, '≤ 256 MB at 5 MB'),
  /** Issue 5: the seed briefing at most 80 KB. */
  seedPdfSize: atMost('seed-pdf-size', 80 * 1024, '≤ 80 KB (issue 5)'),
  /** Issue 3: each bad input refused "in under a second", through the real CLI. */
  refusal: below('refusal', 1000, '< 1000 ms per refusal (issue 3)'),
  /** Issue 3: the number of bad inputs not refused with exit 3 and one line. */
  refusalsWrong: atMost('refusals-wrong', 0, 'all: exit 3, one `error:` line (issue 3)'),
  /** Issue 11: `briefing --help`, median wall time ÷ a bare `node -e 0`'s, in the same run. */
  cliHelpRatio: atMost('cli-help-ratio', 2, '≤ 2× `node -e 0` (issue 11)'),
  /** Issue 11: a refused bad input, the same ratio. */
  cliRefusalRatio: atMost('cli-refusal-ratio', 3, '≤ 3× `node -e 0` (issue 11)'),
  /** Issue 14: a fresh process's first briefing, each median ÷ `node -e 0`'s in the same run. */
  coldPipelineRatio: atMost('cold-pipeline-ratio', 3, '≤ 3× `node -e 0` (aim 2×; issue 14)'),
  coldHandlerRatio: atMost('cold-handler-ratio', 2.5, '≤ 2.5× `node -e 0` (issue 14)'),
  coldCliRenderRatio: atMost('cold-cli-render-ratio', 3.5, '≤ 3.5× `node -e 0` (issue 14)'),
  /** Issue 14: headless Chromium cold ÷ our whole path cold, same run. */
  chromiumColdRatio: atLeast('chromium-cold-ratio', 8, '≥ 8× slower than ours (issue 14)'),
} as const satisfies Record<string, Target>;

export function verdict(target: Target, value: number | null | undefined): Verdict {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  return target.check(value) ? 'pass' : 'miss';
}
