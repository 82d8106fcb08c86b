/**
 * The date each article counts from: its published date, else its dateline's ("ANKARA, Feb 7,
 * 2023 –"). Wire copy often gives the dateline without a year ("ANKARA, Feb 7 –"): the event's
 * other articles then say which year, the one that puts it nearest their dates.
 */
import type { EventInput } from './types';

export type DateSource = 'published' | 'dateline' | 'dateline, year from the other articles';

export interface Dated {
  readonly input: EventInput;
  readonly from: DateSource | null;
}

const FULL = /^\d{4}-\d{2}-\d{2}$/;
const NO_YEAR = /^--(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const withDate = (input: EventInput, published: string): EventInput =>
  ({ ...input, extraction: { ...input.extraction, article: { ...input.extraction.article, published } } });

/** Every input with `article.published` set to the date it counts from (or left null), and how that date was known. */
export function datedInputs(inputs: readonly EventInput[]): Dated[] {
  const first = inputs.map((input): Dated => {
    const { published, dateline } = input.extraction.article;
    if (published) return { input, from: 'published' };
    if (dateline && FULL.test(dateline)) return { input: withDate(input, dateline), from: 'dateline' };
    return { input, from: null };
  });
  const known = first.map((d) => d.input.extraction.article.published).filter((d): d is string => d !== null).map((d) => Date.parse(`${d}T00:00:00Z`));
  if (known.length === 0) return first;
  const middle = [...known].sort((a, b) => a - b)[Math.floor(known.length / 2)]!;
  const year = new Date(middle).getUTCFullYear();
  return first.map((d) => {
    const partial = d.from === null ? NO_YEAR.exec(d.input.extraction.article.dateline ?? '') : null;
    if (!partial) return d;
    const candidates = [year - 1, year, year + 1]
      .map((y) => `${y}-${partial[1]}-${partial[2]}`)
      .filter((iso) => !Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) && new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso));
    const nearest = candidates.sort((a, b) => Math.abs(Date.parse(`${a}T00:00:00Z`) - middle) - Math.abs(Date.parse(`${b}T00:00:00Z`) - middle))[0];
    return nearest && Math.abs(Date.parse(`${nearest}T00:00:00Z`) - middle) < 183 * DAY_MS ? { input: withDate(d.input, nearest), from: 'dateline, year from the other articles' } : d;
  });
}
