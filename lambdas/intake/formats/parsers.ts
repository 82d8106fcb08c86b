/**
 * The parsing libraries behind the HTML and Markdown readers (linkedom, Readability,
 * markdown-it, yaml), loaded on first use instead of at import. Most articles are plain text
 * and need none of them; loaded eagerly they were a third of the extract Lambda's cold start
 * (compiling ~0.5 MB of code, building a CSS object model, HTML entity tables, markdown rules).
 *
 * The readers are synchronous, hence `require` rather than `import()`. In an esbuild bundle a
 * literal `require('pkg')` call becomes a bundled module initialised on that first call (the
 * bundle's banner defines `require`); from the TypeScript sources (tsx, vitest) an ES module has
 * no `require`, so Node's own loads the same package. Both take the package's CommonJS entry.
 */
import { createRequire } from 'node:module';
import type * as Linkedom from 'linkedom';
import type * as ReadabilityModule from '@mozilla/readability';
import type MarkdownIt from 'markdown-it';
import type * as Yaml from 'yaml';

const nodeRequire = createRequire(import.meta.url);
const bundled = typeof require === 'function';

/** A CommonJS module's value, or its default export when it has one. */
const unwrap = <T>(mod: unknown): T => ((mod as { default?: T }).default ?? mod) as T;

let linkedom: typeof Linkedom | null = null;
export const linkedomModule = (): typeof Linkedom =>
  (linkedom ??= bundled ? require('linkedom') : nodeRequire('linkedom')) as typeof Linkedom;

let readability: typeof ReadabilityModule | null = null;
export const readabilityModule = (): typeof ReadabilityModule =>
  (readability ??= bundled ? require('@mozilla/readability') : nodeRequire('@mozilla/readability')) as typeof ReadabilityModule;

let markdownIt: typeof MarkdownIt | null = null;
export const markdownItClass = (): typeof MarkdownIt =>
  (markdownIt ??= unwrap<typeof MarkdownIt>(bundled ? require('markdown-it') : nodeRequire('markdown-it')));

let yaml: typeof Yaml | null = null;
export const yamlModule = (): typeof Yaml => (yaml ??= bundled ? require('yaml') : nodeRequire('yaml')) as typeof Yaml;
