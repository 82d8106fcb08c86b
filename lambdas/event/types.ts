/**
 * Event JSON, schemaVersion 1 (docs/contract.md, `schema/event.v1.schema.json`): one event
 * fused from the Extraction JSON of several articles. Fields may be added, never renamed.
 */
import type { Category, Extraction, Qualifier, Span } from '../extract/types';
import type { DateSource } from './dates';

/** One article given to the fusion: where it came from and its extraction. */
export interface EventInput {
  /** The file as given, or the object key. */
  readonly file: string;
  readonly extraction: Extraction;
}

export interface EventArticle {
  readonly file: string;
  readonly title: string;
  /** The publisher, when the article names one. */
  readonly source: string | null;
  /** The date the article counts from: its published date, else its dateline's. */
  readonly published: string | null;
  readonly sha256: string;
  /** Extension: the article's own address, when known. */
  readonly url: string | null;
  /** Extension: how `published` was known (a dateline without a year takes the year of the event's other articles); null when undated. */
  readonly dated: DateSource | null;
}

/** One figure as one article gave it. */
export interface Report {
  readonly value: number;
  readonly max: number | null;
  readonly qualifier: Qualifier;
  /** Who said it: the figure's attributed source, else the outlet that published it. */
  readonly source: string;
  /** The article's `file`. */
  readonly article: string;
  readonly published: string | null;
  readonly sentence: string;
  readonly span: Span;
  /** Extension: the words as written ("more than 3,000"). */
  readonly text: string;
  /** Extension: the outlet (the article's publisher, else its file name). */
  readonly outlet: string;
  /** Extension: the article gives this value as an earlier one ("up from 500"). */
  readonly previous: boolean;
  /**
   * Extension: a much smaller count the article gives beside its own count of the measure — a
   * part or an increment ("three more died in hospital") rather than the count itself. Kept for
   * the record; never the latest, never in a dispute or a chart.
   */
  readonly part: boolean;
  /** Extension: the figure's id in that article's Extraction JSON. */
  readonly figure: string;
}

export interface Latest {
  readonly value: number;
  readonly max: number | null;
  readonly qualifier: Qualifier;
  readonly source: string;
  readonly article: string;
  /** The date of the report it comes from (the article's date). */
  readonly date: string | null;
  /** Extension: the words as written. */
  readonly text: string;
  /** Extension: the outlet. */
  readonly outlet: string;
  /** Extension: the index of this report in `reports`. */
  readonly report: number;
  /**
   * Extension: why this is the latest when it is not simply the last report — a precise count
   * kept over a later rough one that agrees with it, a rough one taken over an earlier precise
   * one, or a choice on a disputed day. Null when it is the last report and undisputed.
   */
  readonly note: string | null;
}

/** Extension: reports of one date from different sources that cannot all be true. */
export interface Dispute {
  readonly date: string | null;
  /** Indexes into `reports`. */
  readonly reports: readonly number[];
}

export interface Measure {
  readonly id: string;
  readonly category: Category;
  /** What is counted ("people", "children", "homes"). */
  readonly subject: string;
  /** The place scope; null for the whole event. */
  readonly place: string | null;
  readonly latest: Latest;
  /** In time order: the article's date, then the order within the article. */
  readonly reports: readonly Report[];
  readonly disputed: boolean;
  /** Extension: a short label ("people killed in Iraq"). */
  readonly label: string;
  /** Extension: the unit of every report ("people", "USD", "%", … or null). */
  readonly unit: string | null;
  /** Extension: some article leads with it (a key figure of that article). */
  readonly key: boolean;
  /** Extension: each disputed date and its conflicting reports. */
  readonly disputes: readonly Dispute[];
}

export interface EventTimelineEntry {
  readonly date: string;
  readonly text: string;
  /** The `file` of each article that gives it, earliest first. */
  readonly articles: readonly string[];
  readonly outlets: readonly string[];
}

export interface EventQuote {
  readonly text: string;
  readonly speaker: string | null;
  readonly role: string | null;
  readonly articles: readonly string[];
  readonly outlets: readonly string[];
}

export interface EventDocument {
  readonly schemaVersion: 1;
  readonly kind: 'event';
  readonly title: string;
  /** In time order (undated first). */
  readonly articles: readonly EventArticle[];
  /** Key measures first, then by category, the whole event before places. */
  readonly measures: readonly Measure[];
  readonly timeline: readonly EventTimelineEntry[];
  readonly quotes: readonly EventQuote[];
  /** Extension: the first and last article dates. */
  readonly period: { readonly from: string | null; readonly to: string | null };
  /** Extension: sha256 over the articles' sha256 values, sorted: the identity of the input set. */
  readonly sha256: string;
}
