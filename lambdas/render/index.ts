/**
 * Extraction → briefing PDF: view model → Handlebars template → document tree → layout → pdfkit.
 * Same extraction and template in, same bytes out: the PDF dates come from the article.
 */
import type { Extraction } from '../extract/types';
import { buildBriefingModel } from '../briefing/model';
import { fillTemplate } from '../template/fill';
import { bundledTemplates } from '../template/load';
import { layoutDocument } from '../layout';
import { fontMetrics } from './fonts';
import { drawPdf } from './pdf';

export interface RenderOptions {
  /** Handlebars source of a user's template; the bundled `templates/briefing.hbs` otherwise. */
  readonly template?: string;
  /** Where `template` came from, for error messages ("my.hbs:12: …"). */
  readonly templateName?: string;
  /** Write PDF/A-2b metadata and the sRGB output intent. */
  readonly pdfa?: boolean;
}

/** Used when the article has no date: a fixed instant, never the clock. */
const FIXED_EPOCH = new Date('2000-01-01T00:00:00Z');

function documentDate(published: string | null): Date {
  const date = published && /^\d{4}-\d{2}-\d{2}$/.test(published) ? new Date(`${published}T00:00:00Z`) : null;
  return date && !Number.isNaN(date.getTime()) ? date : FIXED_EPOCH;
}

export async function renderBriefing(extraction: Extraction, options: RenderOptions = {}): Promise<Uint8Array> {
  const bundled = bundledTemplates();
  const main = options.template === undefined ? bundled.main : { name: options.templateName ?? 'template', source: options.template };
  const tree = fillTemplate(main, bundled.partials, buildBriefingModel(extraction));
  const laid = layoutDocument(tree, fontMetrics());
  return drawPdf(laid, { date: documentDate(extraction.article.published), pdfa: options.pdfa ?? false });
}
