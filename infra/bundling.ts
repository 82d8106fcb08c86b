/**
 * How the Lambda handlers are bundled, in one place: the CDK stack turns this into
 * NodejsFunction bundling options, and the benchmark builds the very same bundles with esbuild
 * to measure their size and cold import. Plain data and node built-ins — no aws-cdk-lib import —
 * so the benchmark can load it cheaply.
 */
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_FALLBACKS } from '../lambdas/core/assets';
import { CJS_URL_BANNER, CJS_URL_DEFINE, HANDLER_CODE_FILE } from './code-cache';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The Lambda Node.js major version; the stack picks the matching runtime. */
export const LAMBDA_NODE_MAJOR = 24;

/** Lambda entry modules (relative to the project root); each exports `handler`. */
export const HANDLER_ENTRIES = {
  extract: 'lambdas/handlers/extract.ts',
  render: 'lambdas/handlers/render.ts',
  event: 'lambdas/handlers/event.ts',
  /** The deployed web page's API (infra/briefing-web.ts). */
  web: 'lambdas/web/handler.ts',
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
 * Intake's HTML and Markdown parsers, which lambdas/intake/formats/parsers.ts `require`s on first
 * use. Bundled in, they were ~0.75 MB of the 1.6 MB extract bundle, and V8 parses the whole file
 * at import whether or not a function in it ever runs: ~60 ms of CPU on every cold start (the
 * bench's cold section), for parsers a plain-text article never calls. So each ships as a file of
 * its own beside the bundle (`reader-<package>.cjs`, one bundled file, no node_modules), and the
 * handler's `require('linkedom')` becomes `require('./reader-linkedom.cjs')`, read on first use.
 */
export const READER_PACKAGES = ['linkedom', '@mozilla/readability', 'markdown-it', 'yaml'] as const;

/** `@mozilla/readability` → `reader-mozilla-readability.cjs` (the command line's dist/ names them alike). */
export const readerFile = (pkg: string): string => `reader-${pkg.replace(/^@/, '').replace(/[^a-z0-9.-]+/gi, '-')}.cjs`;

const READER_ALIASES: Readonly<Record<string, string>> = Object.fromEntries(READER_PACKAGES.map((pkg) => [pkg, `./${readerFile(pkg)}`]));

/**
 * Regular-expression features esbuild must leave as written. For every `node*` target it rewrites
 * a `\p{…}` literal into `new RegExp(…)` where it stands, so one inside a function builds a RegExp
 * on every call; Node has read `\p{…}` since 10.
 */
export const ESBUILD_SUPPORTED = { 'regexp-unicode-property-escapes': true } as const;

/**
 * esbuild settings. CommonJS, so the code can run with a build-time V8 code cache (vm.Script takes
 * `cachedData`; an ES module cannot on Node 20, code-cache.ts): esbuild writes it from pdfkit's ESM
 * build (`mainFields`: module first), since pdfkit's own CommonJS build fails at import once
 * bundled (pdfkit #1801); the sources' `import.meta.url` becomes the file's URL (the banner). The
 * AWS SDK, where a handler uses it (event, reconcile, web; extract and render have their own
 * client, lambdas/aws), is bundled rather than taken from the runtime, so what runs is the
 * version that was tested. The CDK writes `index.js`; afterBundlingCommands renames it to `handler.cjs` beside the
 * `index.mjs` loader.
 */
export const HANDLER_BUNDLE = {
  format: 'cjs',
  platform: 'node',
  target: `node${LAMBDA_NODE_MAJOR}`,
  minify: true,
  sourcemap: false,
  mainFields: ['module', 'main'],
  // Only the readers, which ship beside the bundle (readerCommands); everything else is bundled.
  external: ['./reader-*.cjs'] as string[],
  alias: { ...BUNDLE_ALIASES, ...READER_ALIASES },
  banner: CJS_URL_BANNER,
  define: CJS_URL_DEFINE,
  supported: ESBUILD_SUPPORTED,
} as const;

/** Files the renderer reads at run time (lambdas/core/assets.ts looks for them beside the bundle). */
export const RUNTIME_ASSETS: ReadonlyArray<{ readonly from: string; readonly to: string }> = [
  { from: 'templates', to: 'templates' },
  ...Object.entries(PACKAGE_FALLBACKS).map(([to, from]) => ({ from, to })),
];

type RuntimeAsset = (typeof RUNTIME_ASSETS)[number];

/**
 * What the build writes beside each bundle: intake's readers where articles are read (the render
 * stage reads figures, never articles), the precompiled templates where briefings are drawn.
 */
export const BUILT_BESIDE: Readonly<Record<HandlerName, { readonly readers: boolean; readonly templates: boolean }>> = {
  extract: { readers: true, templates: false },
  render: { readers: false, templates: true },
  // Fusion reads figures and writes JSON; the render stage draws the event briefing.
  event: { readers: false, templates: false },
  // The page's API fetches bytes and reads figures; it never parses an article or draws a PDF.
  web: { readers: false, templates: false },
  // Reconcile lists and copies objects: nothing beside its bundle.
  reconcile: { readers: false, templates: false },
};

/**
 * Shell commands (CDK command hooks run them after esbuild; the benchmark runs the same) writing
 * each reader into `outputDir`: the package's CommonJS entry bundled into one minified file.
 */
export function readerCommands(outputDir: string, root = PROJECT_ROOT): string[] {
  const esbuild = join(root, 'node_modules/.bin/esbuild');
  const flags = `--bundle --platform=node --format=cjs --target=${HANDLER_BUNDLE.target} --minify --legal-comments=none --log-level=warning`;
  return READER_PACKAGES.map((pkg) =>
    `(cd "${root}" && echo 'module.exports = require("${pkg}");' | "${esbuild}" ${flags} --outfile="${join(outputDir, readerFile(pkg))}")`);
}

/** Shell command writing `templates.compiled.cjs` (lambdas/template/precompiled.ts) into `outputDir`. */
export function precompileCommand(outputDir: string, root = PROJECT_ROOT): string {
  return `"${join(root, 'node_modules/.bin/tsx')}" "${join(root, 'scripts/precompile-templates.ts')}" "${outputDir}" "${join(root, 'templates')}"`;
}

/**
 * The handlers whose code cache is trained on the seed (scripts/train-code-cache.ts): the two a
 * dropped article waits for. The others ship the same loader and compile plainly.
 */
export const TRAINED_HANDLERS: ReadonlySet<HandlerName> = new Set(['extract', 'render']);

/**
 * Shell command making a CDK-built bundle (`index.js`) into `handler.cjs` with the `index.mjs`
 * loader beside it and, for a trained handler, its code cache: the training run starts node with
 * the flags Lambda's runtime uses for a function of `memoryMB` (infra/code-cache.ts).
 */
export function codeCacheCommand(handler: HandlerName, outputDir: string, memoryMB: number, root = PROJECT_ROOT): string {
  return `mv "${join(outputDir, 'index.js')}" "${join(outputDir, HANDLER_CODE_FILE)}" && "${join(root, 'node_modules/.bin/tsx')}" "${join(root, 'scripts/train-code-cache.ts')}" ${handler} "${outputDir}" ${memoryMB}`;
}

/** Everything the CDK hook runs after esbuild for one handler: assets, readers, precompiled templates, then the loader and the code cache. */
export function afterBundlingCommands(handler: HandlerName, outputDir: string, memoryMB: number, root = PROJECT_ROOT): string[] {
  const beside = BUILT_BESIDE[handler];
  return [
    ...copyAssetCommands(outputDir, root, ASSETS_FOR[handler]),
    ...(beside.readers ? readerCommands(outputDir, root) : []),
    ...(beside.templates ? [precompileCommand(outputDir, root)] : []),
    // Last: the training run reads the templates and the readers built above.
    codeCacheCommand(handler, outputDir, memoryMB, root),
  ];
}

/**
 * Only the render stage draws PDFs (fonts, ICC profile); both stages read `templates/`, the
 * extract stage to record which template an upload chose and its hash. Reconcile reads neither.
 */
export const ASSETS_FOR: Readonly<Record<HandlerName, readonly RuntimeAsset[]>> = {
  extract: RUNTIME_ASSETS.filter((asset) => asset.to === 'templates'),
  render: RUNTIME_ASSETS,
  // Fusion reads figures and writes JSON: no template, font or profile.
  event: [],
  web: [],
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
