/**
 * Handlebars' compiler (its parser, code generator and source maps), loaded on first use
 * (core/lazy-package.ts). The templates the build ships are precompiled (precompiled.ts) and need
 * only Handlebars' runtime; the compiler is for templates checked or compiled at run time
 * (uploaded, edited, or run from the sources). Loaded at import it set up its parser tables and
 * source-map code at every cold start for nothing.
 */
import { lazyPackage } from '../core/lazy-package';

export const handlebarsCompiler = lazyPackage<typeof import('handlebars')>('handlebars', () => require('handlebars'));
