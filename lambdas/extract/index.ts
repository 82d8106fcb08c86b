import type { Article } from '../intake/types';
import type { Extraction } from './types';

export interface ExtractOptions {
  /** YYYY-MM-DD; overrides the article's own date and anchors relative dates ("on Friday"). */
  readonly published?: string | null;
}

/** Article → Extraction JSON. Placeholder until issue 4: the article block only, empty lists. */
export function extractFigures(article: Article, options: ExtractOptions = {}): Extraction {
  const words = article.text.match(/\S+/g)?.length ?? 0;
  return {
    schemaVersion: 1,
    article: {
      title: article.title,
      published: options.published ?? article.published,
      source: article.source,
      url: article.url,
      wordCount: words,
      sha256: article.sha256,
      input: article.input,
      byline: article.byline,
    },
    summary: [],
    figures: [],
    timeline: [],
    quotes: [],
    organisations: [],
    places: [],
  };
}
