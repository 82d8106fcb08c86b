/**
 * JSON-LD news articles (schema.org), in a page's <script type="application/ld+json"> or a
 * .json file: a node, a list of nodes, or an `@graph` of them.
 */
import { isRecord, nameOf, urlOf, type Fields } from './fields';
import { toIsoDate } from '../core/dates';

const ARTICLE_TYPES = new Set([
  'NewsArticle', 'Article', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'BackgroundNewsArticle',
  'OpinionNewsArticle', 'ReviewNewsArticle', 'BlogPosting', 'Report', 'LiveBlogPosting',
]);

const typesOf = (node: Fields): string[] => {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
};

export const isJsonLd = (value: Fields): boolean => '@context' in value || '@type' in value || '@graph' in value;

/** The first article node in a JSON-LD value, searching lists and `@graph`. */
export function findArticleNode(value: unknown): Fields | null {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findArticleNode(item);
      if (found) return found;
    }
    return null;
  }
  if (!isRecord(value)) return null;
  if (typesOf(value).some((type) => ARTICLE_TYPES.has(type))) return value;
  return findArticleNode(value['@graph']);
}

export interface JsonLdArticle {
  readonly title: string | null;
  readonly published: string | null;
  readonly source: string | null;
  readonly url: string | null;
  readonly byline: string | null;
  readonly body: string | null;
}

export function readJsonLdArticle(node: Fields): JsonLdArticle {
  const body = node.articleBody;
  return {
    title: nameOf(node.headline) ?? nameOf(node.name),
    published: toIsoDate(node.datePublished) ?? toIsoDate(node.dateCreated),
    source: nameOf(node.publisher) ?? nameOf(node.sourceOrganization),
    url: urlOf(node.url) ?? urlOf(node.mainEntityOfPage),
    byline: nameOf(node.author) ?? nameOf(node.creator),
    body: typeof body === 'string' && body.trim() ? body : null,
  };
}
