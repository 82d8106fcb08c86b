/**
 * The parsing libraries behind the HTML and Markdown readers (linkedom, Readability,
 * markdown-it, yaml), loaded on first use instead of at import. Most articles are plain text
 * and need none of them; loaded eagerly they were a third of the extract Lambda's cold start
 * (compiling ~0.5 MB of code, building a CSS object model, HTML entity tables, markdown rules).
 *
 * The readers are synchronous, hence `require` rather than `import()` (core/lazy-package.ts).
 */
import type * as Linkedom from 'linkedom';
import type * as ReadabilityModule from '@mozilla/readability';
import type MarkdownIt from 'markdown-it';
import type * as Yaml from 'yaml';
import { lazyPackage } from '../../core/lazy-package';

/** A CommonJS module's value, or its default export when it has one. */
const unwrap = <T>(mod: unknown): T => ((mod as { default?: T }).default ?? mod) as T;

export const linkedomModule = lazyPackage<typeof Linkedom>('linkedom', () => require('linkedom'));
export const readabilityModule = lazyPackage<typeof ReadabilityModule>('@mozilla/readability', () => require('@mozilla/readability'));
const markdownItModule = lazyPackage<unknown>('markdown-it', () => require('markdown-it'));
export const markdownItClass = (): typeof MarkdownIt => unwrap<typeof MarkdownIt>(markdownItModule());
export const yamlModule = lazyPackage<typeof Yaml>('yaml', () => require('yaml'));
