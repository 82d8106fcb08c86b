/**
 * The gold format of `<name>.gold.json` (docs/eval.md): the key figures a
 * briefing must show, the minor figures it may show, and the numbers that are never figures.
 */
import { BriefingError } from '../core/errors';
import type { Category } from '../extract/types';

export interface GoldFigure {
  readonly value: number;
  readonly category?: Category;
  /** Lowercase stems that the figure's label, subject, place or text must contain. */
  readonly about?: readonly string[];
  readonly alt?: readonly number[];
  readonly mention?: string;
  readonly max?: number;
  readonly qualifier?: string;
  readonly source?: string;
  readonly place?: string;
}

export interface Gold {
  readonly article?: string;
  readonly published: string | null;
  readonly key: readonly GoldFigure[];
  readonly ok: readonly GoldFigure[];
  readonly not_figures: readonly number[];
  readonly timeline?: readonly { readonly date: string; readonly mention?: string }[];
  /** `speaker: null` is a quote the article leaves unattributed (a statement, a crowd). */
  readonly quotes?: readonly { readonly speaker: string | null; readonly starts?: string }[];
}

/** A gold file that does not have the documented shape (exit 3: fix the file). */
export class GoldError extends BriefingError {
  override readonly name = 'GoldError';
  constructor(file: string, reason: string) {
    super('usage', 'bad_gold', reason, { permanent: true, context: { file } });
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function figures(file: string, doc: Record<string, unknown>, field: 'key' | 'ok', needCategory: boolean): GoldFigure[] {
  const list = doc[field] ?? [];
  if (!Array.isArray(list)) throw new GoldError(file, `"${field}" must be an array`);
  return list.map((item, i) => {
    if (!isObject(item) || typeof item.value !== 'number') throw new GoldError(file, `${field}[${i}] needs a numeric "value"`);
    if (needCategory && typeof item.category !== 'string') throw new GoldError(file, `${field}[${i}] needs a "category"`);
    if (item.about !== undefined && !(Array.isArray(item.about) && item.about.every((s) => typeof s === 'string'))) {
      throw new GoldError(file, `${field}[${i}].about must be an array of strings`);
    }
    if (item.alt !== undefined && !(Array.isArray(item.alt) && item.alt.every((n) => typeof n === 'number'))) {
      throw new GoldError(file, `${field}[${i}].alt must be an array of numbers`);
    }
    return item as unknown as GoldFigure;
  });
}

function quotes(file: string, list: unknown): NonNullable<Gold['quotes']> {
  if (!Array.isArray(list)) throw new GoldError(file, '"quotes" must be an array');
  return list.map((item, i) => {
    const ok = isObject(item)
      && (typeof item.speaker === 'string' || item.speaker === null)
      && (item.starts === undefined || typeof item.starts === 'string');
    if (!ok) throw new GoldError(file, `quotes[${i}] needs "speaker" (a name or null) and an optional "starts" string`);
    return item as unknown as NonNullable<Gold['quotes']>[number];
  });
}

/** Parses and checks one gold file's text. */
export function parseGold(file: string, raw: string): Gold {
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch (error) {
    throw new GoldError(file, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isObject(doc)) throw new GoldError(file, 'must be a JSON object');
  const published = doc.published ?? null;
  if (published !== null && (typeof published !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(published))) {
    throw new GoldError(file, '"published" must be YYYY-MM-DD or null');
  }
  const notFigures = doc.not_figures ?? [];
  if (!Array.isArray(notFigures) || !notFigures.every((n) => typeof n === 'number')) {
    throw new GoldError(file, '"not_figures" must be an array of numbers');
  }
  return {
    ...(typeof doc.article === 'string' ? { article: doc.article } : {}),
    published,
    key: figures(file, doc, 'key', true),
    ok: figures(file, doc, 'ok', false),
    not_figures: notFigures,
    ...(Array.isArray(doc.timeline) ? { timeline: doc.timeline as Gold['timeline'] } : {}),
    ...(doc.quotes === undefined ? {} : { quotes: quotes(file, doc.quotes) }),
  };
}
