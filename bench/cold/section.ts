/**
 * The `cold` section: the first briefing of a fresh process, beside Node's own start, in one
 * run. Each round runs one fresh process of every row, in an order rotated every round, so the
 * load of a shared machine falls on all of them alike:
 * - `node -e 0`, the baseline every ratio divides by;
 * - the stand-in for Lambda's runtime (driver.cjs, handler-driver.ts) alone, invoking a handler
 *   that does nothing: what the handler rows pay that is not the handler's;
 * - the extract handler path: the bundled Lambda entry (its CommonJS twin) required by that stand-in and given the
 *   SQS event for the seed, S3 and EventBridge answered from the local disk (local-aws.ts);
 * - the render handler path: the same for the seed's figures;
 * - the whole article → PDF path, bundled like the handlers (bench/cold-render-child.ts);
 * - the compiled command line's `briefing render` (dist/briefing.mjs);
 * - headless Chromium printing the same briefing as HTML (bench/baseline-html.ts).
 * Wall time from spawn to exit; CPU time and peak RSS from GNU time when it is installed. A
 * further, unjudged child runs the pipeline's steps one by one and reports each step's cold cost.
 * Every row runs as it ships: the bundles are CommonJS behind the code-cache loader
 * (infra/code-cache.ts), each trained by one untimed run on the seed before the timed rounds, as
 * the build trains the deployed ones; dist/ carries the cache `npm run build` made.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractFigures } from '../../lambdas/extract';
import { readArticle } from '../../lambdas/intake';
import { seedArticle } from '../articles';
import { briefingHtml } from '../baseline-html';
import { CLI_COMMAND, CLI_FILE, LAMBDA_ENV, lastLine, runTimed } from '../child';
import { chromiumArgs, CHROMIUM_INSTALL } from '../chromium';
import { chromiumVersion } from '../machine';
import { round, summarise } from '../stats';
import { TARGETS, verdict, type Target, type Verdict } from '../targets';
import { buildColdArtefacts } from './bundles';
import { putLocalObject } from './local-aws';
import { TRAIN_ENV } from '../../infra/code-cache';
import { LAMBDA_RUNTIME_ENV, sqsEventFor } from '../../scripts/train-code-cache';

export type ColdRowId = 'node' | 'driver' | 'extract-handler' | 'render-handler' | 'pipeline' | 'cli-render' | 'chromium' | 'stages';

export interface ColdRow {
  readonly id: ColdRowId;
  /** What runs, as a reader would type or recognise it. */
  readonly what: string;
  readonly runs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  /** Median CPU time of the process (all threads), and its peak RSS over the runs; null without GNU time. */
  readonly cpuMs: number | null;
  readonly peakRssMB: number | null;
  /** Median ÷ the median of `node -e 0`. */
  readonly ratio: number;
  readonly target: string | null;
  /** Why a run did not do what it must, or null. */
  readonly problem: string | null;
  readonly verdict: Verdict;
}

export interface ColdStage {
  readonly stage: string;
  readonly cpuMs: number;
  readonly wallMs: number;
}

export interface ColdResult {
  readonly runs: number;
  readonly bundling: string;
  readonly article: string;
  readonly chromium: string | null;
  /** Rows in table order; the baseline first. */
  readonly rows: readonly ColdRow[];
  /** Chromium's median ÷ the whole path's, and ÷ the command line's render. */
  readonly chromiumOverOurs: { readonly pipeline: number; readonly cli: number; readonly verdict: Verdict } | null;
  /** The first call of each step in a fresh process, medians over the runs. */
  readonly stages: readonly ColdStage[];
  /** GNU time was missing: no CPU or RSS columns. */
  readonly note?: string;
}

const TIME = '/usr/bin/time';
const INPUT_BUCKET = 'articles';
const OUTPUT_BUCKET = 'briefings';

/** What Lambda's environment gives a handler beyond LAMBDA_ENV (the stack's variables, X-Ray's), as the training run of the build gives it. */
function handlerEnv(store: string, bundle: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    ...LAMBDA_ENV,
    ...LAMBDA_RUNTIME_ENV,
    AWS_SESSION_TOKEN: 'bench',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024',
    OUTPUT_BUCKET,
    EVENT_BUS_NAME: 'bench-bus',
    MAX_RECEIVE_COUNT: '3',
    // Where Lambda unpacks the function, as Lambda sets it.
    LAMBDA_TASK_ROOT: path.dirname(bundle),
    BENCH_S3_DIR: store,
  };
}

/** One SQS message announcing one created object, as S3 → SQS delivers it. */
const sqsEventJson = (bucket: string, key: string): string => JSON.stringify(sqsEventFor(bucket, key));

interface Measured {
  readonly id: ColdRowId;
  readonly what: string;
  readonly target: Target | null;
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /** Bundled like the handlers: one untimed run with BRIEFING_CODE_CACHE_TRAIN=1 makes its code cache first. */
  readonly trained?: boolean;
  /** Runs before each timed run (clears last run's outputs so the work is done again). */
  readonly before?: () => void;
  /** What the run must have produced, else the reason it did not. */
  readonly check: (exit: number | null, stderr: string) => string | null;
}

interface Sample { readonly ms: number; readonly cpuMs: number | null; readonly rssMB: number | null }

/** One timed run; under GNU time when present (`%U %S %M`: user s, system s, peak RSS KB). */
async function runOnce(m: Measured, timeFile: string | null): Promise<{ sample: Sample; problem: string | null }> {
  m.before?.();
  const [command, args] = timeFile ? [TIME, ['-f', '%U %S %M', '-o', timeFile, m.command, ...m.args]] : [m.command, m.args];
  const run = await runTimed(command, args, { env: m.env ?? process.env, timeoutMs: 120_000 });
  let cpuMs: number | null = null;
  let rssMB: number | null = null;
  if (timeFile && existsSync(timeFile)) {
    const fields = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    if (fields.length === 3 && fields.every(Number.isFinite)) [cpuMs, rssMB] = [(fields[0]! + fields[1]!) * 1000, fields[2]! / 1024];
  }
  return { sample: { ms: run.ms, cpuMs, rssMB }, problem: m.check(run.code, run.stderr) };
}

const median = (values: readonly number[]): number => summarise(values).median;

function hasGnuTime(): boolean {
  try {
    execFileSync(TIME, ['-f', '%M', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function benchCold(options: { runs: number }): Promise<ColdResult> {
  const built = await buildColdArtefacts();
  const seed = seedArticle();
  const published = seed.published ?? '-';
  const work = mkdtempSync(path.join(os.tmpdir(), 'briefing-bench-cold-'));
  const timed = hasGnuTime();
  try {
    const out = (name: string): string => path.join(work, name);
    const pdfCheck = (file: string) => (exit: number | null, stderr: string): string | null =>
      exit !== 0 ? `exit ${exit}: ${lastLine(stderr)}` : existsSync(file) ? null : 'no PDF written';
    const fresh = (file: string) => () => rmSync(file, { force: true });

    // The handlers' local S3: the seed in the input bucket, as an upload with its published date.
    const store = out('s3');
    const key = `bench/${seed.name}`;
    const figuresKey = `figures/${key.replace(/\.[^.]+$/, '')}.json`;
    const briefingKey = `briefings/${key.replace(/\.[^.]+$/, '')}.pdf`;
    putLocalObject(INPUT_BUCKET, key, seed.bytes, seed.published ? { published: seed.published } : {}, 'text/plain', store);
    const extractEvent = out('extract-event.json');
    const renderEvent = out('render-event.json');
    writeFileSync(extractEvent, sqsEventJson(INPUT_BUCKET, key));
    writeFileSync(renderEvent, sqsEventJson(OUTPUT_BUCKET, figuresKey));
    const objectAt = (bucket: string, objectKey: string): string => path.join(store, bucket, objectKey);
    const handlerCheck = (bucket: string, objectKey: string) => (exit: number | null, stderr: string): string | null =>
      exit !== 0 ? `exit ${exit}: ${lastLine(stderr)}` : existsSync(objectAt(bucket, objectKey)) ? null : `${objectKey} not written`;
    // The render path needs the figures the extract path writes: one untimed extract run first,
    // which is also the extract bundle's training run (its code cache, as the build makes it).
    const first = await runTimed(process.execPath, [built.driver, built.handlers.extract, extractEvent], { env: { ...handlerEnv(store, built.handlers.extract), [TRAIN_ENV]: '1' } });
    if (first.code !== 0 || !existsSync(objectAt(OUTPUT_BUCKET, figuresKey))) throw new Error(`the extract handler path failed: ${lastLine(first.stderr)}`);
    const figures = readFileSync(objectAt(OUTPUT_BUCKET, figuresKey));
    const figuresMeta = readFileSync(path.join(store, '.meta', OUTPUT_BUCKET, `${figuresKey}.json`));

    // Chromium prints the same briefing, as HTML written beforehand (its time leaves that out).
    const version = chromiumVersion();
    const html = out('briefing.html');
    writeFileSync(html, briefingHtml(extractFigures(readArticle(seed.bytes, { name: seed.name }), { published: seed.published })));

    const noop = out('noop.cjs');
    writeFileSync(noop, 'exports.handler = async () => ({ batchItemFailures: [] });\n');
    const exitCheck = (exit: number | null, stderr: string): string | null => (exit === 0 ? null : `exit ${exit}: ${lastLine(stderr)}`);

    const measured: Measured[] = [
      { id: 'node', what: '`node -e 0`', target: null, command: process.execPath, args: ['-e', '0'], check: exitCheck },
      {
        id: 'driver', what: 'the handler rows\' stand-in for Lambda\'s runtime alone (a handler that does nothing)', target: null,
        command: process.execPath, args: [built.driver, noop, extractEvent], check: exitCheck,
      },
      {
        id: 'extract-handler', what: 'extract handler: import + one SQS event (seed → figures JSON)', target: TARGETS.coldHandlerRatio,
        command: process.execPath, args: [built.driver, built.handlers.extract, extractEvent], env: handlerEnv(store, built.handlers.extract),
        before: () => rmSync(path.join(store, OUTPUT_BUCKET), { recursive: true, force: true }),
        check: handlerCheck(OUTPUT_BUCKET, figuresKey),
      },
      {
        id: 'render-handler', trained: true, what: 'render handler: import + one SQS event (figures → PDF)', target: TARGETS.coldHandlerRatio,
        command: process.execPath, args: [built.driver, built.handlers.render, renderEvent], env: handlerEnv(store, built.handlers.render),
        before: () => {
          rmSync(path.join(store, OUTPUT_BUCKET), { recursive: true, force: true });
          putLocalObject(OUTPUT_BUCKET, figuresKey, figures, JSON.parse(figuresMeta.toString()).metadata, 'application/json', store);
        },
        check: handlerCheck(OUTPUT_BUCKET, briefingKey),
      },
      {
        id: 'pipeline', trained: true, what: 'whole path, article → PDF (bundled like the handlers)', target: TARGETS.coldPipelineRatio,
        command: process.execPath, args: [built.pipeline, seed.path, published, out('pipeline.pdf')],
        before: fresh(out('pipeline.pdf')), check: pdfCheck(out('pipeline.pdf')),
      },
      {
        id: 'cli-render', what: `\`${CLI_COMMAND} render\` (article → PDF)`, target: TARGETS.coldCliRenderRatio,
        command: process.execPath, args: [CLI_FILE, 'render', seed.path, '-o', out('cli.pdf'), ...(seed.published ? ['--published', seed.published] : [])],
        before: fresh(out('cli.pdf')), check: pdfCheck(out('cli.pdf')),
      },
      ...(version ? [{
        id: 'chromium' as const, what: `headless Chromium, HTML → PDF (${version})`, target: null,
        command: 'chromium', args: chromiumArgs(out('chromium-profile'), out('chromium.pdf'), pathToFileURL(html).href),
        before: () => ['chromium-profile', 'chromium.pdf'].forEach((name) => rmSync(out(name), { recursive: true, force: true })),
        check: pdfCheck(out('chromium.pdf')),
      }] : []),
      {
        id: 'stages', trained: true, what: 'the same path step by step (the stage table below)', target: null,
        command: process.execPath, args: [built.stages, seed.path, published, out('stages.pdf')],
        env: { ...process.env, BRIEFING_COLD_STAGES: out('stages.json') }, before: fresh(out('stages.pdf')), check: pdfCheck(out('stages.pdf')),
      },
    ];

    // The training runs (untimed): each bundle's code cache, made by running it once on the seed.
    for (const m of measured.filter((row) => row.trained)) {
      m.before?.();
      const run = await runTimed(m.command, m.args, { env: { ...(m.env ?? process.env), [TRAIN_ENV]: '1' }, timeoutMs: 120_000 });
      const problem = m.check(run.code, run.stderr);
      if (problem) throw new Error(`the training run of ${m.id} failed: ${problem}`);
    }

    const samples = measured.map((): Sample[] => []);
    const problems = measured.map((): string | null => null);
    const stageRuns: Array<Record<string, { cpuMs: number; wallMs: number }>> = [];
    for (let round_ = 0; round_ < options.runs; round_ += 1) {
      for (let k = 0; k < measured.length; k += 1) {
        const i = (k + round_) % measured.length;
        const m = measured[i]!;
        const { sample, problem } = await runOnce(m, timed ? out('time.txt') : null);
        samples[i]!.push(sample);
        problems[i] ??= problem;
        if (m.id === 'stages' && existsSync(out('stages.json'))) {
          stageRuns.push(JSON.parse(readFileSync(out('stages.json'), 'utf8')) as Record<string, { cpuMs: number; wallMs: number }>);
          rmSync(out('stages.json'));
        }
      }
    }

    const base = median(samples[0]!.map((s) => s.ms));
    const rows = measured.map((m, i): ColdRow => {
      const list = samples[i]!;
      const wall = summarise(list.map((s) => s.ms));
      const cpu = list.map((s) => s.cpuMs).filter((v): v is number => v !== null);
      const rss = list.map((s) => s.rssMB).filter((v): v is number => v !== null);
      const ratio = wall.median / base;
      return {
        id: m.id,
        what: m.what,
        runs: list.length,
        medianMs: round(wall.median),
        p95Ms: round(wall.p95),
        cpuMs: cpu.length ? round(median(cpu)) : null,
        peakRssMB: rss.length ? round(Math.max(...rss)) : null,
        ratio: round(ratio),
        target: m.target?.text ?? null,
        problem: problems[i]!,
        verdict: problems[i] ? 'miss' : m.target ? verdict(m.target, ratio) : 'n/a',
      };
    });
    const row = (id: ColdRowId): ColdRow | undefined => rows.find((r) => r.id === id);
    const chromium = row('chromium');
    const pipeline = row('pipeline')!;
    const cli = row('cli-render')!;
    const overOurs = chromium && !chromium.problem ? chromium.medianMs / pipeline.medianMs : null;
    const notes = [
      ...(timed ? [] : [`no CPU time or peak RSS: GNU time (${TIME}) is not installed (apt-get install -y time)`]),
      ...(version ? [] : [`no Chromium row: ${CHROMIUM_INSTALL}`]),
    ];
    const stageNames = stageRuns[0] ? Object.keys(stageRuns[0]) : [];
    return {
      runs: options.runs,
      bundling: built.bundling,
      article: seed.name,
      chromium: version,
      rows,
      chromiumOverOurs: overOurs === null ? null : {
        pipeline: round(overOurs),
        cli: round(chromium!.medianMs / cli.medianMs),
        verdict: pipeline.problem ? 'miss' : verdict(TARGETS.chromiumColdRatio, overOurs),
      },
      stages: stageNames.map((stage) => ({
        stage,
        cpuMs: round(median(stageRuns.map((r) => r[stage]!.cpuMs))),
        wallMs: round(median(stageRuns.map((r) => r[stage]!.wallMs))),
      })),
      ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
