/**
 * A package loaded on first use instead of at import (intake's HTML and Markdown parsers,
 * Handlebars' compiler). The caller writes the literal `require('pkg')`, so that a bundler sees
 * it: in an esbuild bundle that call is a bundled module initialised when it is first made (the
 * bundle's banner defines `require`), or a file of its own beside the command line's chunks
 * (scripts/build-cli.ts). From the TypeScript sources (tsx, vitest) an ES module has no `require`,
 * and Node's own loads the package by its name. Both take the package's CommonJS entry.
 */
import { createRequire } from 'node:module';

const nodeRequire = createRequire(import.meta.url);
const bundled = typeof require === 'function';

/** The package `name`, loaded by `bundledRequire` (`() => require(name)`, written out) on the first call. */
export function lazyPackage<T>(name: string, bundledRequire: () => unknown): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= (bundled ? bundledRequire() : nodeRequire(name)) as T);
}
