/**
 * Side by side with the usual way: the same briefing content as HTML (baseline-html.ts) printed
 * to PDF by headless Chromium, one cold process per document, against our renderer on the same
 * extractions in the same run. Ours is reported three ways: warm (in-process renderBriefing,
 * median), cold bundled (a fresh `node` running the bundled pipeline, article to PDF, as a cold
 * Lambda would) and cold CLI (a fresh `node dist/briefing.mjs render`, as a user runs it).
 * Ratio = Chromium ms ÷ ours.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readArticle } from '../lambdas/intake';
import { extractFigures } from '../lambdas/extract';
import { renderBriefing } from '../lambdas/render';
import { devSet, type BenchArticle } from './articles';
import { briefingHtml } from './baseline-html';
import { bundleScript } from './bundle';
import { CLI_COMMAND, CLI_FILE, lastLine, runTimed } from './child';
import { chromiumVersion } from './machine';
import { round, summarise } from './stats';
import { TARGETS, verdict, type Verdict } from './targets';

export const CHROMIUM_INSTALL = 'apt-get install -y chromium   (Debian/Ubuntu; then re-run npm run bench)';

/** The flags of a quiet, reproducible cold start: no sandbox or GPU, no background services, a fresh profile. */
export const chromiumArgs = (profileDir: string, outPdf: string, url: string): string[] => [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-pdf-header-footer', `--user-data-dir=${profileDir}`, `--print-to-pdf=${outPdf}`, url,
];

export interface ChromiumRow {
  readonly document: string;
  readonly chromiumMs: number;
  readonly chromiumBytes: number;
  /** Pages of each PDF (pdfinfo), so the two documents can be seen to be comparable; null without poppler. */
  readonly chromiumPages: number | null;
  readonly oursPages: number | null;
  readonly oursWarmMs: number;
  readonly oursColdBundledMs: number | null;
  readonly oursColdCliMs: number | null;
  readonly oursBytes: number;
  readonly ratioWarm: number;
  readonly ratioColdBundled: number | null;
  readonly ratioCold: number | null;
  readonly verdictWarm: Verdict;
  readonly verdictColdBundled: Verdict;
  readonly verdictCold: Verdict;
  readonly note?: string;
}

export interface ChromiumResult {
  readonly chromium: string | null;
  readonly skipped?: string;
  readonly rows: readonly ChromiumRow[];
  readonly failures: readonly string[];
  readonly medianRatioWarm: number | null;
  readonly minRatioWarm: number | null;
  readonly medianRatioColdBundled: number | null;
  readonly minRatioColdBundled: number | null;
  readonly medianRatioCold: number | null;
  readonly minRatioCold: number | null;
  /** The target judged on every document, for each of our three ways. */
  readonly verdictWarm: Verdict;
  readonly verdictColdBundled: Verdict;
  readonly verdictCold: Verdict;
  /** How the cold CLI was run (absent in results from before dist/: `node --import tsx bin/briefing.ts`). */
  readonly cliCommand?: string;
}

/** Page count from poppler's pdfinfo, or null when it is not installed. */
function pages(pdf: string): number | null {
  try {
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const match = /^Pages:\s+(\d+)/m.exec(info);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

async function warmRenderMs(extraction: Parameters<typeof renderBriefing>[0], iterations: number): Promise<{ ms: number; bytes: number }> {
  let pdf = await renderBriefing(extraction, {});
  for (let i = 0; i < 2; i += 1) pdf = await renderBriefing(extraction, {});
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const t = performance.now();
    pdf = await renderBriefing(extraction, {});
    samples.push(performance.now() - t);
  }
  return { ms: summarise(samples).median, bytes: pdf.byteLength };
}

/** A fresh process that times itself from spawn to exit; null when it wrote no PDF. */
async function coldMs(command: string, args: readonly string[], outPdf: string, notes: string[], what: string): Promise<number | null> {
  const run = await runTimed(command, args);
  if (run.code === 0 && existsSync(outPdf)) return run.ms;
  notes.push(`${what} failed (exit ${run.code}): ${lastLine(run.stderr)}`);
  return null;
}

const ratio = (chromiumMs: number, ours: number | null): number | null => (ours === null ? null : chromiumMs / ours);

async function oneDocument(item: BenchArticle, work: string, iterations: number, coldRender: string): Promise<ChromiumRow> {
  const extraction = extractFigures(readArticle(item.bytes, { name: item.name }), { published: item.published });
  const stem = path.basename(item.name, path.extname(item.name));
  const htmlFile = path.join(work, `${stem}.html`);
  writeFileSync(htmlFile, briefingHtml(extraction));

  const profile = mkdtempSync(path.join(work, 'profile-'));
  const chromiumPdf = path.join(work, `${stem}.chromium.pdf`);
  const chrome = await runTimed('chromium', chromiumArgs(profile, chromiumPdf, pathToFileURL(htmlFile).href), { timeoutMs: 60_000 });
  if (!existsSync(chromiumPdf)) throw new Error(`chromium wrote no PDF (exit ${chrome.code}): ${lastLine(chrome.stderr)}`);

  const warm = await warmRenderMs(extraction, iterations);

  const notes: string[] = [];
  const bundledPdf = path.join(work, `${stem}.bundled.pdf`);
  const bundled = await coldMs(process.execPath, [coldRender, item.path, item.published ?? '-', bundledPdf], bundledPdf, notes, 'cold bundled render');
  const cliPdf = path.join(work, `${stem}.cli.pdf`);
  const cliArgs = ['render', item.path, '-o', cliPdf, ...(item.published ? ['--published', item.published] : [])];
  const cli = await coldMs(process.execPath, [CLI_FILE, ...cliArgs], cliPdf, notes, 'cold CLI render');

  const ratioWarm = chrome.ms / warm.ms;
  const ratioBundled = ratio(chrome.ms, bundled);
  const ratioCli = ratio(chrome.ms, cli);
  const maybe = (v: number | null): number | null => (v === null ? null : round(v));
  return {
    document: item.name,
    chromiumMs: round(chrome.ms),
    chromiumBytes: statSync(chromiumPdf).size,
    chromiumPages: pages(chromiumPdf),
    oursPages: bundled === null ? null : pages(bundledPdf),
    oursWarmMs: round(warm.ms),
    oursColdBundledMs: maybe(bundled),
    oursColdCliMs: maybe(cli),
    oursBytes: warm.bytes,
    ratioWarm: round(ratioWarm),
    ratioColdBundled: maybe(ratioBundled),
    ratioCold: maybe(ratioCli),
    verdictWarm: verdict(TARGETS.chromiumRatio, ratioWarm),
    verdictColdBundled: verdict(TARGETS.chromiumRatio, ratioBundled),
    verdictCold: verdict(TARGETS.chromiumRatio, ratioCli),
    ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
  };
}

const overall = (verdicts: readonly Verdict[]): Verdict =>
  verdicts.length === 0 || verdicts.every((v) => v === 'n/a') ? 'n/a' : verdicts.includes('miss') ? 'miss' : 'pass';

const stat = (values: ReadonlyArray<number | null>, pick: 'median' | 'min'): number | null => {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : round(summarise(present)[pick]);
};

export async function benchChromium(options: { documents?: number; iterations: number }): Promise<ChromiumResult> {
  const version = chromiumVersion();
  const empty = {
    rows: [], failures: [], medianRatioWarm: null, minRatioWarm: null, medianRatioColdBundled: null, minRatioColdBundled: null,
    medianRatioCold: null, minRatioCold: null, verdictWarm: 'n/a', verdictColdBundled: 'n/a', verdictCold: 'n/a',
  } as const;
  if (version === null) {
    process.stderr.write(`bench: chromium not found; the baseline row is skipped. Install it with: ${CHROMIUM_INSTALL}\n`);
    return { chromium: null, skipped: `chromium not installed — ${CHROMIUM_INSTALL}`, ...empty };
  }
  const documents = devSet().slice(0, options.documents ?? Infinity);
  const coldRender = await bundleScript('bench/cold-render-child.ts', 'cold-render');
  const work = mkdtempSync(path.join(os.tmpdir(), 'briefing-bench-chromium-'));
  const rows: ChromiumRow[] = [];
  const failures: string[] = [];
  try {
    for (const item of documents) {
      try {
        rows.push(await oneDocument(item, work, options.iterations, coldRender));
      } catch (error) {
        failures.push(`${item.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return {
    chromium: version,
    cliCommand: CLI_COMMAND,
    rows,
    failures,
    medianRatioWarm: stat(rows.map((r) => r.ratioWarm), 'median'),
    minRatioWarm: stat(rows.map((r) => r.ratioWarm), 'min'),
    medianRatioColdBundled: stat(rows.map((r) => r.ratioColdBundled), 'median'),
    minRatioColdBundled: stat(rows.map((r) => r.ratioColdBundled), 'min'),
    medianRatioCold: stat(rows.map((r) => r.ratioCold), 'median'),
    minRatioCold: stat(rows.map((r) => r.ratioCold), 'min'),
    verdictWarm: overall(rows.map((r) => r.verdictWarm)),
    verdictColdBundled: overall(rows.map((r) => r.verdictColdBundled)),
    verdictCold: overall(rows.map((r) => r.verdictCold)),
  };
}
