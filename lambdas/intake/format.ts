/**
 * Which reader gets the text: an explicit `format` wins, then the file extension, then the
 * content type (S3 objects often have neither a useful key nor type), then the content itself.
 */
import type { ArticleFormat } from './types';

export const FORMATS: readonly ArticleFormat[] = ['txt', 'md', 'html', 'json'];

const BY_EXTENSION: Readonly<Record<string, ArticleFormat>> = {
  txt: 'txt', text: 'txt',
  md: 'md', markdown: 'md',
  html: 'html', htm: 'html', xhtml: 'html',
  json: 'json', jsonld: 'json',
};

const BY_CONTENT_TYPE: Readonly<Record<string, ArticleFormat>> = {
  'text/plain': 'txt',
  'text/markdown': 'md', 'text/x-markdown': 'md',
  'text/html': 'html', 'application/xhtml+xml': 'html',
  'application/json': 'json', 'application/ld+json': 'json', 'text/json': 'json',
};

export function formatFromName(name: string): ArticleFormat | null {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? (BY_EXTENSION[base.slice(dot + 1).toLowerCase()] ?? null) : null;
}

export function formatFromContentType(contentType: string | undefined): ArticleFormat | null {
  const essence = contentType?.split(';')[0]?.trim().toLowerCase();
  return essence ? (BY_CONTENT_TYPE[essence] ?? null) : null;
}

/** Guesses from the decoded text when neither name nor type says. */
export function formatFromContent(text: string): ArticleFormat {
  const head = text.trimStart();
  if (head.startsWith('<')) return 'html';
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  if (/^---[ \t]*\n/.test(head)) return 'md';
  return 'txt';
}

export function chooseFormat(
  text: string,
  options: { readonly name: string; readonly format?: ArticleFormat; readonly contentType?: string },
): ArticleFormat {
  return options.format ?? formatFromName(options.name) ?? formatFromContentType(options.contentType) ?? formatFromContent(text);
}
