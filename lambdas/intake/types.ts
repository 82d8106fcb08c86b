/** The input formats intake understands; chosen from the file extension or content type. */
export type ArticleFormat = 'txt' | 'md' | 'html' | 'json';

/** One clean article, whatever shape it arrived in. Produced by intake, read by extraction. */
export interface Article {
  readonly title: string;
  /** YYYY-MM-DD, or null when the input does not say. */
  readonly published: string | null;
  /** The publisher, when known (site name, `source.name`, front matter). */
  readonly source: string | null;
  readonly url: string | null;
  readonly byline: string | null;
  /** Body paragraphs, normalised (NFC, odd spaces folded), captions removed. */
  readonly paragraphs: readonly string[];
  /** `paragraphs.join('\n\n')`: every character offset (`span`) in Extraction JSON points here. */
  readonly text: string;
  /** Photo captions kept apart from the body. */
  readonly captions: readonly string[];
  /** Hex sha256 of the input bytes, before any decoding. */
  readonly sha256: string;
  readonly format: ArticleFormat;
  /** The file name or object key the article came from. */
  readonly input: string;
}

export interface IntakeOptions {
  /** File name or S3 key; its extension picks the format unless `format` or `contentType` does. */
  readonly name: string;
  readonly format?: ArticleFormat;
  readonly contentType?: string;
  /** Refuse inputs larger than this many bytes. Default {@link DEFAULT_MAX_BYTES}. */
  readonly maxBytes?: number;
  /**
   * Called between the steps of reading (decoding, parsing the format, cleaning the text) with
   * the step just done; it may throw to stop there (a handler whose time budget is used up).
   */
  readonly checkpoint?: (step: string) => void;
}

/** 5 MB: far above any news article, small enough for a Lambda to hold several times over. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * What a format reader finds, before the shared clean-up: paragraphs not yet normalised,
 * metadata as the input wrote it. Readers never build `text`; intake does, once.
 */
export interface ArticleDraft {
  readonly title?: string | null;
  /** Already YYYY-MM-DD (readers call `toIsoDate`). */
  readonly published?: string | null;
  readonly source?: string | null;
  readonly url?: string | null;
  readonly byline?: string | null;
  readonly paragraphs: readonly string[];
  /** Captions the format marks as such (figcaption, image alt); inline ones are found later. */
  readonly captions?: readonly string[];
}
