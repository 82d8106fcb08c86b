/**
 * Handlebars' compiler (its parser, code generator and source maps), loaded on first use. The
 * templates the build ships are precompiled (precompiled.ts) and need only Handlebars' runtime;
 * the compiler is for templates checked or compiled at run time (uploaded, edited, or run from
 * the sources). Loaded at import it set up its parser tables and source-map code at every cold
 * start for nothing.
 *
 * As in intake's parsers (lambdas/intake/formats/parsers.ts): in a bundle a literal
 * `require('handlebars')` is a bundled module initialised on that first call (the command line's
 * build ships it as a file of its own beside its chunks); from the TypeScript sources, Node's own
 * `require` loads the package.
 */
import { createRequire } from 'node:module';

type Compiler = typeof import('handlebars');

const nodeRequire = createRequire(import.meta.url);
const bundled = typeof require === 'function';

let compiler: Compiler | null = null;
export const handlebarsCompiler = (): Compiler =>
  (compiler ??= (bundled ? require('handlebars') : nodeRequire('handlebars')) as Compiler);
