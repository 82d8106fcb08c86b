/**
 * Templates compiled at build time. Compiling the briefing template and its partials (and the
 * checks before it) was the largest cold cost of a render after the extraction: ~40 ms of a
 * fresh process's first briefing, every cold start, for the same few files. So the build
 * (scripts/precompile-templates.ts, run by the handlers' CDK hook and by the command line's
 * build) writes each deployed template's Handlebars spec into `templates.compiled.cjs` beside
 * the bundle, keyed by the template's content hash (load.ts). A template whose sources match a
 * key is used as compiled and checked there; any other (edited, uploaded, or run from the
 * sources, where no such file is) is checked and compiled at run time as before.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { moduleDir } from '../core/assets';

export const PRECOMPILED_FILE = 'templates.compiled.cjs';

/** Handlebars' precompiled form of one template: the object `Handlebars.precompile` writes. */
export type TemplateSpec = TemplateSpecification;

export interface PrecompiledSet {
  readonly main: TemplateSpec;
  /** By partial name (file name without `.hbs`). */
  readonly partials: Readonly<Record<string, TemplateSpec>>;
}

let table: Readonly<Record<string, PrecompiledSet>> | null = null;

/**
 * In a bundle (`require` is the bundle's own), the file is required by its name relative to the
 * bundle, so the code-cache loader runs it with the cache the build's training made, as it runs
 * the readers. The name is not written as a literal: a bundler would try to bundle it, and the
 * file is not there to bundle (the build writes it beside the code). From the TypeScript sources
 * Node's own loader reads it.
 */
const bundled = typeof require === 'function';
const besideTheBundle = ['.', PRECOMPILED_FILE].join('/');
const requireBeside = (file: string): unknown => (bundled ? require(besideTheBundle) : createRequire(file)(file));

/**
 * The precompiled template with this content hash, if the build wrote one. Only the file beside
 * the running code is read (never one found from the working directory: it is code).
 */
export function precompiledTemplate(sha256: string): PrecompiledSet | undefined {
  if (table === null) {
    const dir = moduleDir();
    const file = dir === null ? null : join(dir, PRECOMPILED_FILE);
    table = file !== null && existsSync(file) ? (requireBeside(file) as Record<string, PrecompiledSet>) : {};
  }
  return Object.hasOwn(table, sha256) ? table[sha256] : undefined;
}
