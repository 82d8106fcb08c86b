/**
 * The public benchmarks beside the project (`../shared/benchmarks`, or `$BRIEFING_BENCHMARKS`):
 * challenge-dev (short items, every category) and wad-dev (victim counts from the World
 * Atrocities Dataset). Each set's articles go through the real intake and extractor, the outputs
 * are written to a folder, and the set's own scorer (its `score.mjs` / `score-counts.mjs`, run by
 * node) scores them, so the numbers are the benchmark's, not ours. They are optional: a clone
 * without the folder has no benchmarks, and says so.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { readArticle } from '../intake';
import { extractFigures } from '../extract';

export interface Thresholds {
  readonly challengeRecall: number;
  readonly challengePrecision: number;
  readonly challengeNotFigures: number;
  readonly wadKilled: number;
  readonly wadInjured: number;
}

/** Issue 12's bounds: what the extractor must reach on text its rules were not written for. */
export const BENCHMARK_THRESHOLDS: Thresholds = {
  challengeRecall: 0.95, challengePrecision: 0.95, challengeNotFigures: 0, wadKilled: 0.85, wadInjured: 0.93,
};

export interface ChallengeScore {
  readonly set: 'challenge-dev';
  readonly items: number;
  readonly recall: number;
  readonly precision: number;
  readonly notFigureHits: number;
  readonly recallByCategory: Readonly<Record<string, { gold: number; found: number; recall: number }>>;
}

export interface WadScore {
  readonly set: 'wad-dev';
  readonly items: number;
  readonly killed: number;
  readonly injured: number;
  readonly firstNumberKilled: number;
}

export interface BenchmarkResult {
  readonly dir: string;
  readonly challenge: ChallengeScore | null;
  readonly wad: WadScore | null;
  /** Each threshold missed, as a line. */
  readonly failures: readonly string[];
}

/** The folder of the project a path lies in: the nearest parent with the project's package.json. */
export function projectRoot(from: string): string | null {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'briefing-pipeline') return dir;
      } catch {
        // Not ours; keep climbing.
      }
    }
    if (dirname(dir) === dir) return null;
  }
}

/** `$BRIEFING_BENCHMARKS`, else `shared/benchmarks` beside the project; null when there is none. */
export function benchmarksDir(from = process.cwd()): string | null {
  const configured = process.env.BRIEFING_BENCHMARKS;
  if (configured) return existsSync(configured) ? resolve(configured) : null;
  const root = projectRoot(from);
  const beside = root ? join(dirname(root), 'shared', 'benchmarks') : null;
  return beside && existsSync(beside) ? beside : null;
}

/** The last line a scorer prints is its one-line JSON summary. */
function lastJsonLine(output: string): unknown {
  const line = output.trim().split('\n').pop() ?? '';
  return JSON.parse(line);
}

function extractTo(out: string, name: string, bytes: Buffer): void {
  const article = readArticle(bytes, { name });
  writeFileSync(join(out, name.replace(/\.[a-z]+$/i, '.json')), JSON.stringify(extractFigures(article)));
}

function runChallenge(dir: string, out: string): ChallengeScore {
  const set = join(dir, 'dev.json');
  const items = JSON.parse(readFileSync(set, 'utf8')) as { id: string; text: string }[];
  // The article each item becomes, exactly as the set's to-articles.mjs writes it.
  for (const item of items) extractTo(out, `${item.id}.txt`, Buffer.from(`News report\n\n${item.text}\n`));
  const summary = lastJsonLine(execFileSync(process.execPath, [join(dir, 'score.mjs'), set, out], { encoding: 'utf8' })) as {
    items: number; recall: number; precision: number; not_figure_hits: number; recall_by_category: ChallengeScore['recallByCategory'];
  };
  return {
    set: 'challenge-dev', items: summary.items, recall: summary.recall, precision: summary.precision,
    notFigureHits: summary.not_figure_hits, recallByCategory: summary.recall_by_category,
  };
}

function runWad(dir: string, out: string): WadScore {
  const articles = join(dir, 'articles');
  const names = readdirSync(articles).filter((n) => n.endsWith('.txt'));
  for (const name of names) extractTo(out, name, readFileSync(join(articles, name)));
  const json = join(out, 'wad-score.json');
  execFileSync(process.execPath, [join(dir, 'score-counts.mjs'), out, '--examples', '0', '--json', json], { encoding: 'utf8' });
  const result = JSON.parse(readFileSync(json, 'utf8')) as {
    items: number; datasets: { WAD: { killed: { em: { ours: number; first: number } }; injured: { em: { ours: number } } } };
  };
  const wad = result.datasets.WAD;
  return { set: 'wad-dev', items: result.items, killed: wad.killed.em.ours, injured: wad.injured.em.ours, firstNumberKilled: wad.killed.em.first };
}

/** Runs every benchmark found in `dir` (challenge-dev/, wad-dev/) and checks the thresholds. */
export function runBenchmarks(dir: string, thresholds: Thresholds = BENCHMARK_THRESHOLDS): BenchmarkResult {
  const work = mkdtempSync(join(tmpdir(), 'briefing-benchmarks-'));
  try {
    const has = (sub: string): boolean => existsSync(join(dir, sub)) && statSync(join(dir, sub)).isDirectory();
    const outFor = (sub: string): string => { const out = join(work, sub); mkdirSync(out); return out; };
    const challenge = has('challenge-dev') ? runChallenge(join(dir, 'challenge-dev'), outFor('challenge-dev')) : null;
    const wad = has('wad-dev') ? runWad(join(dir, 'wad-dev'), outFor('wad-dev')) : null;
    const failures = [
      challenge && challenge.recall < thresholds.challengeRecall ? `challenge-dev recall ${challenge.recall.toFixed(3)} < ${thresholds.challengeRecall}` : null,
      challenge && challenge.precision < thresholds.challengePrecision ? `challenge-dev precision ${challenge.precision.toFixed(3)} < ${thresholds.challengePrecision}` : null,
      challenge && challenge.notFigureHits > thresholds.challengeNotFigures ? `challenge-dev not-figure hits ${challenge.notFigureHits} > ${thresholds.challengeNotFigures}` : null,
      wad && wad.killed < thresholds.wadKilled ? `wad-dev killed exact match ${wad.killed.toFixed(3)} < ${thresholds.wadKilled}` : null,
      wad && wad.injured < thresholds.wadInjured ? `wad-dev injured exact match ${wad.injured.toFixed(3)} < ${thresholds.wadInjured}` : null,
    ].filter((f): f is string => f !== null);
    return { dir, challenge, wad, failures };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
