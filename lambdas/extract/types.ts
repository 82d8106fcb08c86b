/**
 * Extraction JSON, schemaVersion 1 (../shared/CONTRACT.md). Fields may be added, never renamed.
 * `schema/extraction.v1.schema.json` is the machine-checked form of these types.
 */
export type Qualifier = 'exact' | 'at_least' | 'more_than' | 'approximately' | 'up_to' | 'fewer_than';

/** The category ids, derived from the one table of categories (lambdas/contract/categories.ts). */
export type { Category } from '../contract/categories';
import type { Category } from '../contract/categories';

export type Span = readonly [start: number, end: number];

export interface FigureMention {
  readonly text: string;
  readonly span: Span;
}

export interface Figure {
  readonly id: string;
  readonly value: number;
  readonly max: number | null;
  readonly text: string;
  readonly qualifier: Qualifier;
  readonly unit: string | null;
  readonly category: Category;
  readonly subject: string;
  readonly label: string;
  readonly place: string | null;
  readonly date: string | null;
  readonly source: string | null;
  readonly sentence: string;
  readonly span: Span;
  readonly key: boolean;
  /** Extension: rank among key figures (1 = lead), null when not key. */
  readonly rank?: number | null;
  /** Extension: a vague count ("hundreds of") — never a key figure. */
  readonly vague?: boolean;
  /** Extension: other mentions of the same quantity, merged into this figure. */
  readonly mentions?: readonly FigureMention[];
  /** Extension: the name of the rule that decided the category (`briefing extract --explain`). */
  readonly rule?: string;
  /** Extension: implied by the text, not written as one number ("a judge" = 1, a sum written out); `text`/`span` hold the words. */
  readonly derived?: boolean;
  /** Extension: an earlier value of a count that changed ("up from 276"). */
  readonly previous?: boolean;
  /** Extension: the id of the earlier value this count replaced. */
  readonly previousId?: string;
  /** Extension: the ids of the figures a derived sum adds up. */
  readonly parts?: readonly string[];
}

/** A step of extraction that failed on this article: reported, never hidden in an empty result. */
export interface Problem {
  /** The step: sentences, entities, figures, meaning, dates, quotes… */
  readonly step: string;
  /** The rule that threw, when a rule did. */
  readonly rule?: string;
  readonly message: string;
}

export interface TimelineEntry {
  readonly date: string;
  readonly text: string;
  readonly span: Span;
}

/**
 * Extension: an event the article dates only in part. `monthDay` is `--MM-DD` (XML Schema's
 * gMonthDay) when it gives day and month but no year anywhere; `weekday` ("Friday") when it
 * names a weekday and nothing says which week. `after`, on a weekday, is the latest date the
 * article states (YYYY-MM-DD or `--MM-DD`): the weekday comes after it. Entries are in timeline
 * order.
 */
export interface PartialTimelineEntry {
  readonly monthDay: string | null;
  readonly weekday: string | null;
  readonly after: string | null;
  readonly text: string;
  readonly span: Span;
}

export interface Quote {
  readonly text: string;
  readonly speaker: string | null;
  readonly role: string | null;
}

export interface ArticleMeta {
  readonly title: string;
  readonly published: string | null;
  readonly source: string | null;
  readonly url: string | null;
  readonly wordCount: number;
  readonly sha256: string;
  /** Extension: the file name or object key the article came from. */
  readonly input?: string | null;
  /** Extension: the byline, when the input has one. */
  readonly byline?: string | null;
  /** Extension: the date of the dateline ("MAPUTO, March 14 –") or of a dated byline: YYYY-MM-DD, or `--MM-DD` when the article states no year. */
  readonly dateline?: string | null;
}

export interface Extraction {
  readonly schemaVersion: 1;
  readonly article: ArticleMeta;
  readonly summary: readonly string[];
  readonly figures: readonly Figure[];
  readonly timeline: readonly TimelineEntry[];
  /** Extension: events dated only in part (no year stated anywhere, or a weekday nothing anchors). */
  readonly partialTimeline?: readonly PartialTimelineEntry[];
  readonly quotes: readonly Quote[];
  readonly organisations: readonly string[];
  readonly places: readonly string[];
  /** Extension: steps that failed on this article (empty when none did). */
  readonly problems?: readonly Problem[];
}
