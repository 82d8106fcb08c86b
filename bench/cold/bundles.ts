/**
 * What the cold section runs, each built as the Lambda handlers are (infra/bundling.ts: one
 * CommonJS file, everything bundled, the stubs, the code-cache loader as entry; assets beside it)
 * into bench/tmp/cold, their code caches made by the section's untimed training runs:
 * - `extract/`, `render/`: the handler entries themselves, with only their AWS clients' HTTP
 *   exchange answered by local-aws.ts (the handlers' import of lambdas/aws/http.ts is
 *   redirected to local-transport.ts);
 * - `pipeline/`: the whole article → PDF path (bench/cold-render-child.ts);
 * - `stages/`: the same path step by step (stages-child.ts);
 * - `driver.cjs`: the stand-in for the Lambda runtime that invokes a handler bundle (handler-driver.ts).
 */
import path from 'node:path';
import type { Plugin } from 'esbuild';
import { HANDLER_ENTRIES } from '../../infra/bundling';
import { ROOT } from '../articles';
import { bundleLikeHandler, bundleScript, TMP_DIR } from '../bundle';

export const COLD_DIR = path.join(TMP_DIR, 'cold');

const SHIM = path.join(ROOT, 'bench/cold/local-transport.ts');

/** The handlers' import of the HTTP transport goes to the shim; the shim's own to the module. */
const localAws: Plugin = {
  name: 'local-aws',
  setup(build) {
    build.onResolve({ filter: /\/aws\/http$/ }, (args) => (args.importer === SHIM ? undefined : { path: SHIM }));
  },
};

export interface ColdArtefacts {
  readonly handlers: Readonly<Record<'extract' | 'render', string>>;
  readonly pipeline: string;
  readonly stages: string;
  readonly driver: string;
  /** How they were built, for the report. */
  readonly bundling: string;
}

export async function buildColdArtefacts(): Promise<ColdArtefacts> {
  const handler = (name: 'extract' | 'render') => bundleLikeHandler({
    entry: HANDLER_ENTRIES[name], outdir: path.join(COLD_DIR, name), assetsOf: name, plugins: [localAws], exports: ['handler'],
  });
  const [extract, render, pipeline, stages] = await Promise.all([
    handler('extract'),
    handler('render'),
    bundleLikeHandler({ entry: 'bench/cold-render-child.ts', outdir: path.join(COLD_DIR, 'pipeline'), assetsOf: 'render' }),
    bundleLikeHandler({ entry: 'bench/cold/stages-child.ts', outdir: path.join(COLD_DIR, 'stages'), assetsOf: 'render' }),
  ]);
  return {
    handlers: { extract: extract.commonJsEntry, render: render.commonJsEntry },
    pipeline: pipeline.commonJsEntry,
    stages: stages.commonJsEntry,
    driver: await bundleScript('bench/cold/handler-driver.ts', 'cold/driver', 'cjs'),
    bundling: pipeline.description,
  };
}
