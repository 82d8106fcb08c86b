/**
 * Scale: extraction time and peak RSS from 4 KB to 5 MB, one fresh process per size, and the
 * growth factor (time per KB at the largest size ÷ time per KB at 64 KB; 1 = linear).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleScript, TMP_DIR } from './bundle';
import { lastLine, runTimed } from './child';
import { scaledArticle } from './scale-text';
import { round } from './stats';
import { TARGETS, verdict, type Verdict } from './targets';

export const SCALE_SIZES_KB = [4, 64, 512, 1024, 5120] as const;
/** Anchors relative dates in the generated text; any fixed date would do. */
const PUBLISHED = '2025-01-15';

export interface ScaleRow {
  readonly sizeKB: number;
  readonly bytes: number;
  readonly intakeMs: number;
  readonly extractMs: number;
  readonly msPerKB: number;
  readonly figures: number;
  readonly rssBeforeMB: number;
  /** V8 heap in use with the article read, then with its extraction beside it. */
  readonly heapAfterIntakeMB: number;
  readonly heapAfterExtractionMB: number;
  readonly maxRssMB: number;
  readonly repeats: number;
}

export interface ScaleResult {
  readonly rows: readonly ScaleRow[];
  readonly failures: readonly string[];
  readonly growth: { readonly factor: number; readonly verdict: Verdict } | null;
  /** The same factor for intake, which reads every byte too. */
  readonly intakeGrowth: { readonly factor: number; readonly verdict: Verdict } | null;
  readonly extractionAt4KB: { readonly ms: number; readonly verdict: Verdict } | null;
  readonly peakRssAt5MB: { readonly mb: number; readonly verdict: Verdict } | null;
}

/** Small inputs are repeated for a stable median; a multi-megabyte one is timed once or twice. */
const repeatsFor = (kb: number): number => (kb <= 64 ? 20 : kb <= 1024 ? 3 : 1);

export async function benchScale(options: { sizesKB?: readonly number[] } = {}): Promise<ScaleResult> {
  const child = await bundleScript('bench/scale-child.ts', 'scale-child');
  const dir = path.join(TMP_DIR, 'scale');
  mkdirSync(dir, { recursive: true });
  const rows: ScaleRow[] = [];
  const failures: string[] = [];
  for (const kb of options.sizesKB ?? SCALE_SIZES_KB) {
    const file = path.join(dir, `article-${kb}kb.txt`);
    writeFileSync(file, scaledArticle(kb * 1024));
    const repeats = repeatsFor(kb);
    const run = await runTimed(process.execPath, [child, file, PUBLISHED, String(repeats)]);
    if (run.code !== 0) {
      failures.push(`${kb} KB: exit ${run.code}: ${lastLine(run.stderr)}`);
      continue;
    }
    const r = JSON.parse(lastLine(run.stdout)) as Omit<ScaleRow, 'sizeKB' | 'msPerKB' | 'repeats'>;
    rows.push({
      sizeKB: kb,
      bytes: r.bytes,
      intakeMs: round(r.intakeMs),
      extractMs: round(r.extractMs),
      msPerKB: round(r.extractMs / (r.bytes / 1024)),
      figures: r.figures,
      rssBeforeMB: round(r.rssBeforeMB),
      heapAfterIntakeMB: round(r.heapAfterIntakeMB),
      heapAfterExtractionMB: round(r.heapAfterExtractionMB),
      maxRssMB: round(r.maxRssMB),
      repeats,
    });
  }
  const at = (kb: number) => rows.find((row) => row.sizeKB === kb);
  const base = at(64);
  const largest = rows.at(-1);
  const growthOf = (pick: (row: ScaleRow) => number): { factor: number; verdict: Verdict } | null => {
    if (!base || !largest || largest === base) return null;
    const factor = (pick(largest) / largest.bytes) / (pick(base) / base.bytes);
    return { factor: round(factor), verdict: verdict(TARGETS.growth, factor) };
  };
  const small = at(4);
  const huge = at(5120);
  return {
    rows,
    failures,
    growth: growthOf((row) => row.extractMs),
    intakeGrowth: growthOf((row) => row.intakeMs),
    extractionAt4KB: small ? { ms: small.extractMs, verdict: verdict(TARGETS.extractionPer4KB, small.extractMs) } : null,
    peakRssAt5MB: huge ? { mb: huge.maxRssMB, verdict: verdict(TARGETS.peakRss, huge.maxRssMB) } : null,
  };
}
