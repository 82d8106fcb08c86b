/**
 * Lambda cold start: each handler bundled as the CDK stack bundles it and its code cache trained
 * as the CDK hook trains it (scripts/train-code-cache.ts), then imported in a fresh `node`
 * process (10 runs, median of the import alone, plus the whole process's wall time), and each
 * bundle's size: the code plus the small assets it ships is judged, the fonts counted apart. The
 * import is judged as Lambda starts it (the flags it derives from the stage's default memory,
 * which the cache was trained with) and measured beside it without a cache of its own, as a
 * deployment built on another CPU or Node would run (plain `node`, whose flags find no cache).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lambdaNodeFlags } from '../infra/code-cache';
import { DEFAULT_MEMORY_MB } from '../infra/memory';
import { trainHandler } from '../scripts/train-code-cache';
import { bundleHandler } from './bundle';
import { LAMBDA_ENV, lastLine, runTimed } from './child';
import { round, summarise } from './stats';
import { TARGETS, verdict, type Verdict } from './targets';

export const HANDLERS = ['extract', 'render'] as const;

export interface ColdStartRow {
  readonly handler: string;
  /** The JavaScript bundle alone. */
  readonly bundleBytes: number;
  /** Files shipped beside it other than fonts (templates, ICC profile): judged with the bundle. */
  readonly otherAssetBytes: number;
  /** Font files shipped beside it: the "plus the font" of the budget. */
  readonly fontBytes: number;
  /** With Lambda's flags for the stage's memory and the code cache trained with them. */
  readonly importMedianMs: number;
  readonly importP95Ms: number;
  /** Without a code cache (plain `node`). */
  readonly importPlainMedianMs: number;
  readonly processMedianMs: number;
  readonly runs: number;
  /** Output bytes per package, largest first: where a size miss comes from. */
  readonly composition: ReadonlyArray<{ readonly package: string; readonly bytes: number }>;
  readonly verdictImport: Verdict;
  readonly verdictSize: Verdict;
}

export interface ColdStartResult {
  readonly bundling: string;
  readonly rows: readonly ColdStartRow[];
  readonly failures: readonly string[];
}

/** Imports the module named by argv[1] (in an ES module, as Node 24's Lambda runtime imports a handler's entry) and prints how long the import took, in ms. */
const IMPORT_PROBE = 'const t = performance.now(); await import(process.argv[1]); process.stdout.write(String(performance.now() - t));';


export async function benchColdStart(options: { runs: number }): Promise<ColdStartResult> {
  const rows: ColdStartRow[] = [];
  const failures: string[] = [];
  let bundling = '';
  for (const handler of HANDLERS) {
    try {
      const built = await bundleHandler(handler);
      bundling = built.description;
      const memory = DEFAULT_MEMORY_MB[handler];
      await trainHandler(handler, path.dirname(built.outfile), memory);
      const url = pathToFileURL(built.outfile).href;
      const probe = async (flags: readonly string[]) => {
        const run = await runTimed(process.execPath, [...flags, '--input-type=module', '-e', IMPORT_PROBE, url], {
          cwd: path.dirname(built.outfile),
          env: { PATH: process.env.PATH, ...LAMBDA_ENV },
        });
        if (run.code !== 0) throw new Error(`import failed (exit ${run.code}): ${lastLine(run.stderr)}`);
        return { importMs: Number(run.stdout), ms: run.ms };
      };
      const imports: number[] = [];
      const plainImports: number[] = [];
      const wall: number[] = [];
      for (let i = 0; i < options.runs; i += 1) {
        const deployed = await probe(lambdaNodeFlags(memory));
        imports.push(deployed.importMs);
        wall.push(deployed.ms);
        plainImports.push((await probe([])).importMs);
      }
      const imported = summarise(imports);
      const bytes = statSync(built.codeFile).size;
      const isFont = (file: string): boolean => /\.(ttf|otf|woff2?)$/i.test(file);
      const sum = (list: ReadonlyArray<{ bytes: number }>): number => list.reduce((total, f) => total + f.bytes, 0);
      const otherAssetBytes = sum(built.assets.filter((f) => !isFont(f.file)));
      rows.push({
        handler,
        bundleBytes: bytes,
        otherAssetBytes,
        fontBytes: sum(built.assets.filter((f) => isFont(f.file))),
        importMedianMs: round(imported.median),
        importP95Ms: round(imported.p95),
        importPlainMedianMs: round(summarise(plainImports).median),
        processMedianMs: round(summarise(wall).median),
        runs: options.runs,
        composition: built.composition,
        verdictImport: verdict(TARGETS.coldImport, imported.median),
        verdictSize: verdict(TARGETS.bundleSize, bytes + otherAssetBytes),
      });
    } catch (error) {
      failures.push(`${handler}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { bundling, rows, failures };
}
