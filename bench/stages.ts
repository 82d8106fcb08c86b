/**
 * Per stage, warm, in one process: intake, extraction, layout, rendering. Every article is run a
 * few times to warm the JIT and the font cache, then each gets N timed iterations; median and p95
 * per stage, for the seed alone and pooled over the development set. `measureStages` runs in the
 * process that calls it; `benchStages` (the bench's section) runs it in a fresh process on the
 * stages bundled as they ship (stages-child.ts), not on tsx's transform of the sources.
 */
import { readArticle } from '../lambdas/intake';
import { extractFigures } from '../lambdas/extract';
import type { Article } from '../lambdas/intake/types';
import type { Extraction } from '../lambdas/extract/types';
import { renderBriefing } from '../lambdas/render';
import { devSet, seedArticle, type BenchArticle } from './articles';
import { loadRenderSplit, type RenderSplit } from './render-stages';
import { round, summarise, type Summary } from './stats';
import { TARGETS, verdict, type Verdict } from './targets';

export interface StageRow {
  readonly stage: string;
  readonly seed: Summary | null;
  readonly devSet: Summary | null;
}

export interface StagesResult {
  readonly iterations: number;
  readonly articles: number;
  readonly renderSplit: string;
  readonly rows: readonly StageRow[];
  /** Extraction normalised to 4 KB of article text (ms × 4096 / text bytes), pooled over the dev set. */
  readonly extractionPer4KB: { readonly seed: number; readonly devSet: number };
  readonly renderingSeed: { readonly median: number; readonly verdict: Verdict };
  /** Issue 5's size budget for the seed briefing. */
  readonly seedPdf: { readonly bytes: number; readonly verdict: Verdict } | null;
  readonly failures: readonly string[];
}

type Samples = Map<string, number[]>;

/** The size of the last PDF rendered for each article, by name. */
const pdfBytes = new Map<string, number>();

function push(samples: Samples, stage: string, ms: number): void {
  const list = samples.get(stage) ?? [];
  list.push(ms);
  samples.set(stage, list);
}

/** One pass of every stage over one article, adding the time of each to `samples`. */
async function onePass(item: BenchArticle, split: RenderSplit | null, samples: Samples): Promise<void> {
  let t = performance.now();
  const article: Article = readArticle(item.bytes, { name: item.name });
  push(samples, 'intake', performance.now() - t);

  t = performance.now();
  const extraction: Extraction = extractFigures(article, { published: item.published ?? article.published });
  const extractMs = performance.now() - t;
  push(samples, 'extraction', extractMs);
  // Normalised by the text extraction reads, not the input file (HTML or JSON markup is not read).
  push(samples, 'extraction per 4 KB', (extractMs * 4096) / Buffer.byteLength(article.text));

  if (split) {
    for (const [stage, ms] of await split.time(extraction)) push(samples, stage, ms);
  }
  t = performance.now();
  const pdf = await renderBriefing(extraction, {});
  push(samples, 'render total (template + layout + pdf)', performance.now() - t);
  pdfBytes.set(item.name, pdf.byteLength);
}

/**
 * Warm-up first, over every article that will be timed: the JIT optimises for the whole workload,
 * as in a process that has briefed a few articles. Warming each article only just before timing
 * it (as this bench did before) timed the first articles of the set while V8 was still compiling
 * the extraction: the dev-set median then measured JIT warm-up more than extraction (2× and more
 * on short articles).
 */
async function warmUp(items: readonly BenchArticle[], split: RenderSplit | null, warmup: number): Promise<void> {
  for (let i = 0; i < warmup; i += 1) {
    for (const item of items) {
      // An article that fails here fails again when timed, and `measure` reports it there.
      await onePass(item, split, new Map()).catch(() => undefined);
    }
  }
}

async function measure(items: readonly BenchArticle[], split: RenderSplit | null, iterations: number, failures: string[]): Promise<Samples> {
  const samples: Samples = new Map();
  for (const item of items) {
    try {
      for (let i = 0; i < iterations; i += 1) await onePass(item, split, samples);
    } catch (error) {
      failures.push(`${item.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return samples;
}

const rounded = (s: Summary): Summary => ({ n: s.n, median: round(s.median), p95: round(s.p95), min: round(s.min), max: round(s.max) });
const summaryOf = (samples: Samples, stage: string): Summary | null => {
  const list = samples.get(stage);
  return list && list.length > 0 ? rounded(summarise(list)) : null;
};

export async function measureStages(options: { iterations: number; warmup: number }): Promise<StagesResult> {
  const failures: string[] = [];
  const split = await loadRenderSplit(failures);
  const seed = seedArticle();
  const dev = devSet();
  await warmUp([seed, ...dev], split, options.warmup);
  const seedSamples = await measure([seed], split, options.iterations, failures);
  const devSamples = await measure(dev, split, options.iterations, failures);
  if (seedSamples.size === 0) throw new Error(failures[0] ?? 'no stage could run on the seed');

  const stages = ['intake', 'extraction', ...(split?.stages ?? []), 'render total (template + layout + pdf)'];
  const rows = stages.map((stage) => ({ stage, seed: summaryOf(seedSamples, stage), devSet: summaryOf(devSamples, stage) }));
  const per4Seed = summaryOf(seedSamples, 'extraction per 4 KB')?.median ?? NaN;
  const per4Dev = summaryOf(devSamples, 'extraction per 4 KB')?.median ?? NaN;
  const renderSeed = summaryOf(seedSamples, 'render total (template + layout + pdf)')?.median ?? NaN;
  return {
    iterations: options.iterations,
    articles: dev.length,
    renderSplit: split?.description ?? 'not available: only the combined renderBriefing is timed',
    rows,
    extractionPer4KB: { seed: per4Seed, devSet: per4Dev },
    renderingSeed: { median: renderSeed, verdict: verdict(TARGETS.rendering, renderSeed) },
    seedPdf: pdfBytes.has(seed.name) ? { bytes: pdfBytes.get(seed.name)!, verdict: verdict(TARGETS.seedPdfSize, pdfBytes.get(seed.name)) } : null,
    failures,
  };
}
