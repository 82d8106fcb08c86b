/**
 * `npm run bench [-- --only stages,throughput,scale,coldstart,cold,chromium,refusals,cli,profile] [--quick] [--merge] [--report-only]`
 *
 * Runs each section (each fails soft: "not available: <reason>", and the run goes on), checks
 * every figure against its target, profiles the workloads behind missed targets, and writes
 * bench/results.json and bench/results.md (and the table in README.md). A partial or quick
 * run writes to bench/tmp/ instead, so the committed results come from one full run — unless
 * `--only … --merge` says to measure those sections again and put them into the committed
 * results (the table then says which sections were re-measured, when, and under what load).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, seedArticle } from './articles';
import { bundleHandler, TMP_DIR } from './bundle';
import { buildCli } from '../scripts/build-cli';
import { benchChromium } from './chromium';
import { benchCliStart } from './cli-start';
import { deriveChecks } from './checks';
import { benchColdStart } from './cold-start';
import { benchCold } from './cold/section';
import { describeMachine, loadAverage } from './machine';
import { profileBatch, profileColdImport, profileColdRender, profileWorkload, type ProfileResult } from './profile';
import { publishTable } from './publish';
import { renderMarkdown, renderSummary } from './report';
import type { BenchResults, Section } from './results';
import { benchRefusals } from './refusals';
import { benchScale, SCALE_SIZES_KB } from './scale';
import { benchStages } from './stages-section';
import { benchThroughput } from './throughput';

const SECTIONS = ['stages', 'throughput', 'scale', 'coldstart', 'cold', 'chromium', 'refusals', 'cli', 'profile'] as const;
type SectionName = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: { only: { type: 'string' }, quick: { type: 'boolean', default: false }, merge: { type: 'boolean', default: false }, 'report-only': { type: 'boolean', default: false } },
  allowPositionals: false,
});
const only = values.only ? values.only.split(',').map((s) => s.trim()) : [...SECTIONS];
const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
if (unknown.length > 0) {
  process.stderr.write(`error: bench: unknown section ${unknown.join(', ')} (choose from ${SECTIONS.join(', ')})\n`);
  process.exit(2);
}
const wanted = (name: SectionName): boolean => only.includes(name);
const quick = values.quick ?? false;
const merge = values.merge ?? false;
if (merge && (quick || !values.only)) {
  process.stderr.write('error: bench: --merge takes --only <sections> and no --quick (it replaces those sections of bench/results.json)\n');
  process.exit(2);
}

async function runSection<T>(name: string, body: () => Promise<T>): Promise<Section<T>> {
  process.stderr.write(`bench: ${name}…\n`);
  const loadBefore = loadAverage();
  const start = performance.now();
  try {
    const result = await body();
    const seconds = Math.round((performance.now() - start) / 100) / 10;
    return { status: 'ok', seconds, loadBefore, loadAfter: loadAverage(), result };
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
    process.stderr.write(`bench: ${name}: not available: ${reason}\n`);
    return { status: 'not available', reason };
  }
}

/** Writes the Markdown of a results object; a full run also refreshes the docs' summary table. */
function writeReport(results: BenchResults, dir: string, full: boolean): void {
  const markdown = renderMarkdown(results);
  writeFileSync(path.join(dir, 'results.md'), markdown);
  process.stdout.write(markdown);
  const published = full ? publishTable(renderSummary(results)) : [];
  if (published.length > 0) process.stderr.write(`bench: table updated in ${published.join(', ')}\n`);
}

// --report-only: re-render bench/results.md and the docs from bench/results.json, measuring nothing.
if (values['report-only']) {
  const dir = path.join(ROOT, 'bench');
  writeReport(JSON.parse(readFileSync(path.join(dir, 'results.json'), 'utf8')) as BenchResults, dir, true);
  process.exit(0);
}

const machine = describeMachine();
// The sections that run the command line run it as users do, from dist/: built from the sources now.
if (['throughput', 'cold', 'chromium', 'refusals', 'cli', 'profile'].some((name) => wanted(name as SectionName))) {
  process.stderr.write('bench: building the command line (dist/)…\n');
  await buildCli();
}
const sections: BenchResults['sections'] = {};
if (wanted('stages')) sections.stages = await runSection('stages', () => benchStages({ iterations: quick ? 10 : 50, warmup: 5 }));
if (wanted('throughput')) sections.throughput = await runSection('throughput', () => benchThroughput({ articles: quick ? 100 : 500, jobs: [1, 2] }));
if (wanted('scale')) sections.scale = await runSection('scale', () => benchScale());
if (wanted('coldstart')) sections.coldstart = await runSection('coldstart', () => benchColdStart({ runs: quick ? 3 : 10 }));
// 21 rounds: at 11, runs of the same code on this noisy 2-core VM spread a handler's ratio over 0.1.
if (wanted('cold')) sections.cold = await runSection('cold', () => benchCold({ runs: quick ? 3 : 21 }));
if (wanted('chromium')) sections.chromium = await runSection('chromium', () => benchChromium({ iterations: quick ? 5 : 20, ...(quick ? { documents: 2 } : {}) }));
if (wanted('refusals')) sections.refusals = await runSection('refusals', () => benchRefusals({ runs: 3 }));
if (wanted('cli')) sections.cli = await runSection('cli', () => benchCliStart({ runs: quick ? 10 : 15 }));

const checks = deriveChecks(sections);
const missed = (pattern: RegExp): boolean => checks.some((c) => c.verdict === 'miss' && pattern.test(c.measure));
/** The workloads to profile for the kinds of missed targets (all of them with --only profile). */
const forced = values.only?.split(',').includes('profile') ?? false;
const workloads: Array<[string, ...string[]]> = [];
if (wanted('profile') && (forced || missed(/^Extraction/))) workloads.push(['extraction']);
if (wanted('profile') && (forced || missed(/^Rendering|^Chromium ÷ ours warm/))) workloads.push(['render']);
const largest = path.join(TMP_DIR, 'scale', `article-${SCALE_SIZES_KB.at(-1)}kb.txt`);
if (wanted('profile') && missed(/^Growth/) && existsSync(largest)) workloads.push(['large-extraction', largest]);
const profiles: Array<BenchResults['profiles'][number]> = [];
async function profile(workload: string, body: () => Promise<ProfileResult>): Promise<void> {
  process.stderr.write(`bench: profiling ${workload}…\n`);
  profiles.push(await body().catch((error: unknown) => ({ workload, error: error instanceof Error ? error.message : String(error) })));
}
for (const [workload, ...args] of workloads) await profile(workload, () => profileWorkload(workload, ...args));
if (wanted('profile') && (forced || missed(/^Throughput/))) await profile('batch', () => profileBatch(quick ? 40 : 200));
const chromium = sections.chromium?.status === 'ok' ? sections.chromium.result : null;
if (wanted('profile') && chromium?.verdictColdBundled === 'miss') {
  const seed = seedArticle();
  await profile('cold render', () => profileColdRender(seed.path, seed.published));
}
const slowImports = sections.coldstart?.status === 'ok' ? sections.coldstart.result.rows.filter((row) => row.verdictImport === 'miss') : [];
for (const row of wanted('profile') ? slowImports : []) {
  await profile(`cold import of ${row.handler}`, async () => {
    const built = await bundleHandler(row.handler, true);
    return profileColdImport(row.handler, built.outfile, built.codeFile);
  });
}

/** The committed results with the sections just measured in place of theirs, checks derived again. */
function merged(): BenchResults {
  const committed = JSON.parse(readFileSync(path.join(ROOT, 'bench/results.json'), 'utf8')) as BenchResults;
  const all = { ...committed.sections, ...sections };
  const names = Object.keys(sections);
  const m = machine;
  const here = `${m.cpu}, ${m.cores} cores, ${m.ramGB} GB RAM, Node ${m.node}; ${m.chromium ?? 'Chromium not installed'}`;
  const there = `${committed.machine.cpu}, ${committed.machine.cores} cores, ${committed.machine.ramGB} GB RAM, Node ${committed.machine.node}; ${committed.machine.chromium ?? 'Chromium not installed'}`;
  return {
    ...committed,
    sections: all,
    checks: deriveChecks(all),
    profiles: [...committed.profiles, ...profiles],
    merges: [...(committed.merges ?? []).filter((m) => m.sections.some((s) => !names.includes(s))), { sections: names, date: machine.date, loadAtStart: machine.loadAtStart, ...(here === there ? {} : { machine: here }) }],
  };
}

const results: BenchResults = merge ? merged() : { machine, quick, sections, checks, profiles };
const full = merge || (!quick && !values.only);
const dir = full ? path.join(ROOT, 'bench') : TMP_DIR;
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
writeReport(results, dir, full);
process.stderr.write(`bench: wrote ${path.relative(ROOT, path.join(dir, 'results.json'))} and results.md${full ? '' : ' (partial run: bench/results.* untouched)'}\n`);
