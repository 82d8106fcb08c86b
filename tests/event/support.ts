/**
 * Hand-written Extraction JSON for fusion tests: an article is its date, outlet and figures;
 * every other field gets a plain default. Figures may carry the extraction's optional fields
 * (`previous`, `previousId`, `derived`).
 */
import { createHash } from 'node:crypto';
import type { Extraction, Figure } from '../../lambdas/extract/types';
import type { EventInput } from '../../lambdas/event/types';

export type FigureSpec = Partial<Figure> & Pick<Figure, 'value'>;

export function article(file: string, published: string | null, source: string | null, figures: readonly FigureSpec[], extra: Partial<Extraction> = {}): EventInput {
  const full: Figure[] = figures.map((f, i) => ({
    id: `f${i + 1}`,
    max: null,
    text: String(f.value),
    qualifier: 'exact',
    unit: 'people',
    category: 'killed',
    subject: 'people',
    label: `${f.subject ?? 'people'} ${f.category ?? 'killed'}`,
    place: null,
    date: null,
    source: null,
    sentence: `Sentence ${i + 1} of ${file}.`,
    span: [i * 100, i * 100 + 3] as const,
    key: true,
    rank: i + 1,
    ...f,
  }));
  const extraction: Extraction = {
    schemaVersion: 1,
    article: {
      title: `Report of ${file}`, published, source, url: null, wordCount: 300,
      sha256: createHash('sha256').update(file).digest('hex'), input: file,
    },
    summary: [],
    figures: full,
    timeline: [],
    quotes: [],
    organisations: [],
    places: [],
    ...extra,
  };
  return { file, extraction };
}
