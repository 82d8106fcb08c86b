/**
 * How the Lambda handlers are bundled, in one place: the CDK stack turns this into
 * NodejsFunction bundling options, and the benchmark builds the very same bundles with esbuild
 * to measure their size and cold import. Plain data and node built-ins — no aws-cdk-lib import —
 * so the benchmark can load it cheaply.
 */
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_FALLBACKS } from '../lambdas/render/assets';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The Lambda Node.js major version; the stack picks the matching runtime. */
export const LAMBDA_NODE_MAJOR = 24;

/** Lambda entry modules (relative to the project root); each exports `handler`. */
export const HANDLER_ENTRIES = {
  extract: 'lambdas/handlers/extract.ts',
  render: 'lambdas/handlers/render.ts',
  event: 'lambdas/handlers/event.ts',
  /** The scheduled reconcile: finds uploads whose notification was lost and has S3 announce them again. */
  reconcile: 'lambdas/handlers/reconcile-job.ts',
} as const;

export type HandlerName = keyof typeof HANDLER_ENTRIES;

const stub = (file: string): string => join(PROJECT_ROOT, 'lambdas/render/stubs', file);

/**
 * Modules pdfkit imports but the render stage never calls, replaced in the bundle by stubs that
 * throw if reached: each did heavy work at import (fontkit's shaping tables and brotli, the AES
 * tables, the line-break trie) — most of the render handler's cold import.
 */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  fontkit: stub('fontkit.ts'),
  '@noble/ciphers/aes': stub('aes.ts'),
  linebreak: stub('linebreak.ts'),
};

/**
 * esbuild settings. ESM, because pdfkit's CommonJS build fails at import once bundled
 * (pdfkit #1801) while its ESM build works when only embedded TTFs are used. CommonJS
 * dependencies inside the ESM bundle still call `require`, hence the banner. The AWS SDK is
 * bundled rather than taken from the runtime, so what runs is the version that was tested.
 */
export const HANDLER_BUNDLE = {
  format: 'esm',
  platform: 'node',
  target: `node${LAMBDA_NODE_MAJOR}`,
  minify: true,
  sourcemap: false,
  mainFields: ['module', 'main'],
  external: [] as string[],
  alias: BUNDLE_ALIASES,
  banner: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  outExtension: '.mjs',
} as const;

/** Files the renderer reads at run time (lambdas/render/assets.ts looks for them beside the bundle). */
export const RUNTIME_ASSETS: ReadonlyArray<{ readonly from: string; readonly to: string }> = [
  { from: 'templates', to: 'templates' },
  ...Object.entries(PACKAGE_FALLBACKS).map(([to, from]) => ({ from, to })),
];

type RuntimeAsset = (typeof RUNTIME_ASSETS)[number];

/**
 * Only the render stage draws PDFs (fonts, ICC profile); both stages read `templates/`, the
 * extract stage to record which template an upload chose and its hash. Reconcile reads neither.
 */
export const ASSETS_FOR: Readonly<Record<HandlerName, readonly RuntimeAsset[]>> = {
  extract: RUNTIME_ASSETS.filter((asset) => asset.to === 'templates'),
  render: RUNTIME_ASSETS,
  // Fusion reads figures and writes JSON: no template, font or profile.
  event: [],
  reconcile: [],
};

const missing = (from: string): Error =>
  new Error(`bundling: ${from} is missing from the project; the render bundle cannot ship it`);

/** Shell commands (CDK command hooks run them after esbuild) copying the assets into `outputDir`. */
export function copyAssetCommands(outputDir: string, root = PROJECT_ROOT, assets: readonly RuntimeAsset[] = RUNTIME_ASSETS): string[] {
  return assets.map(({ from, to }) => {
    const source = join(root, from);
    if (!existsSync(source)) throw missing(from);
    const target = join(outputDir, to);
    return `mkdir -p "${dirname(target)}" && cp -R "${source}" "${target}"`;
  });
}

/** The same copy in-process, for builds made with esbuild directly (benchmark, tests). */
export function copyAssets(outputDir: string, root = PROJECT_ROOT, assets: readonly RuntimeAsset[] = RUNTIME_ASSETS): void {
  for (const { from, to } of assets) {
    const source = join(root, from);
    if (!existsSync(source)) throw missing(from);
    const target = join(outputDir, to);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(source, target, { recursive: true });
  }
}
