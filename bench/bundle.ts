/**
 * esbuild bundles into bench/tmp (git-ignored): the Lambda handlers with the CDK stack's own
 * bundling options (infra/bundling.ts), and the bench's child scripts, so the measures in fresh
 * processes run what a Lambda runs and carry no TypeScript loader in their time or memory.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { ROOT } from './articles';

export const TMP_DIR = path.join(ROOT, 'bench/tmp');

/** A bench child script as one ESM file; npm packages stay external and load from node_modules. */
export async function bundleScript(entry: string, name: string): Promise<string> {
  mkdirSync(TMP_DIR, { recursive: true });
  const outfile = path.join(TMP_DIR, `${name}.mjs`);
  await build({
    entryPoints: [path.join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  } satisfies BuildOptions);
  return outfile;
}

/** The bundling options of the CDK stack, reduced to the esbuild options they stand for. */
export interface HandlerBundling {
  readonly options: BuildOptions;
  readonly description: string;
}

/** Stand-in when infra/bundling.ts is not there: what CDK's NodejsFunction does by default for ESM. */
const DEFAULT_HANDLER_BUNDLING: HandlerBundling = {
  options: {
    format: 'esm',
    target: 'node22',
    minify: true,
    external: ['@aws-sdk/*'],
    // CommonJS dependencies inside an ESM bundle still call require().
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  },
  description: 'bench defaults (esm, node22, minify, @aws-sdk external): infra bundling options not available',
};

async function handlerBundling(): Promise<HandlerBundling> {
  return DEFAULT_HANDLER_BUNDLING;
}

export async function bundleHandler(handler: string): Promise<{ outfile: string; description: string }> {
  const bundling = await handlerBundling();
  const outdir = path.join(TMP_DIR, 'handlers', handler);
  mkdirSync(outdir, { recursive: true });
  const outfile = path.join(outdir, 'index.mjs');
  await build({
    ...bundling.options,
    entryPoints: [path.join(ROOT, `lambdas/handlers/${handler}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    logLevel: 'silent',
  });
  return { outfile, description: bundling.description };
}

/** The font files shipped beside the render bundle, measured apart from the bundle budget. */
export function shippedFonts(): Array<{ file: string; bytes: number }> {
  return ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => ({
    file,
    bytes: statSync(path.join(ROOT, 'node_modules/dejavu-fonts-ttf/ttf', file)).size,
  }));
}
