/**
 * Extraction → briefing PDF: view model → Handlebars template → document tree → layout → pdfkit.
 * Same extraction and template in, same bytes out: the PDF dates come from the article.
 */
import { isBriefingError } from '../core/errors';
import type { Extraction } from '../extract/types';
import { buildBriefingModel, MODEL_LIMITS, type ModelLimits } from '../briefing/model';
import { fillTemplate } from '../template/fill';
import { DEFAULT_TEMPLATE, deployedTemplates, templateHash, templateName, type Template } from '../template/load';
import { layoutDocument } from '../layout';
import type { LaidOutDocument } from '../layout/types';
import { documentMetrics } from './fonts';
import { drawPdf } from './pdf';

export interface RenderOptions {
  /** A deployed template (`deployedTemplates().get(name)`); the default `templates/briefing.hbs` otherwise. */
  readonly use?: Template;
  /** Handlebars source of a user's own template file, with the deployed partials. */
  readonly template?: string;
  /** Where `template` came from, for error messages ("my.hbs:12: …") and the name the PDF records. */
  readonly templateName?: string;
  /** Write PDF/A-2b metadata and the sRGB output intent. */
  readonly pdfa?: boolean;
  /** Called after each step (layout, drawing) with its name; may throw to stop there. */
  readonly checkpoint?: (step: string) => void;
}

/** Used when the article has no date: a fixed instant, never the clock. */
const FIXED_EPOCH = new Date('2000-01-01T00:00:00Z');

/** The date a PDF records: the article's own, else a fixed instant, never the clock. */
export function documentDate(published: string | null): Date {
  const date = published && /^\d{4}-\d{2}-\d{2}$/.test(published) ? new Date(`${published}T00:00:00Z`) : null;
  return date && !Number.isNaN(date.getTime()) ? date : FIXED_EPOCH;
}

/** The template a render uses: the one given, a user's own source, or the default. */
export function templateFor(options: RenderOptions): Template {
  if (options.use) return options.use;
  const deployed = deployedTemplates();
  if (options.template === undefined) return deployed.get(DEFAULT_TEMPLATE);
  const file = options.templateName ?? 'template';
  const set = { main: { name: file, source: options.template }, partials: deployed.get(DEFAULT_TEMPLATE).partials };
  return { name: templateName(file.split(/[\\/]/).pop()!), ...set, sha256: templateHash(set) };
}

/**
 * The lists at full length, then halved up to three times while the layout runs past its page
 * limit: long sentences in narrow table columns can make 100 rows take 12 pages. Each try costs
 * one layout (a few hundred milliseconds at most); the last try's error is the reason given.
 */
const SHRINK_STEPS = 4;
const scaled = (limits: ModelLimits, factor: number): ModelLimits => ({
  tableFigures: Math.floor(limits.tableFigures * factor),
  timeline: Math.floor(limits.timeline * factor),
  quotes: Math.floor(limits.quotes * factor),
});

/**
 * A briefing is two pages. When a few lines spill onto a third, the weakest rows of the table of
 * figures (never a key figure; the table then says it lists the strongest, and the figures JSON
 * holds them all) give way, up to FIT_ROWS of them; a longer briefing is left whole.
 */
const BRIEFING_PAGES = 2;
const FIT_ROWS = 4;
function fittedToTwoPages(laid: LaidOutDocument, extraction: Extraction, limits: ModelLimits, layOut: (limits: ModelLimits) => LaidOutDocument): LaidOutDocument {
  if (laid.pages.length !== BRIEFING_PAGES + 1) return laid;
  const shown = Math.min(limits.tableFigures, extraction.figures.length);
  const keys = extraction.figures.filter((f) => f.key).length;
  for (let rows = shown - 1; rows >= Math.max(keys, shown - FIT_ROWS); rows--) {
    const fitted = layOut({ ...limits, tableFigures: rows });
    if (fitted.pages.length <= BRIEFING_PAGES) return fitted;
  }
  return laid;
}

/**
 * The PDF of an extraction. It records the template it was made with (name and sha256 in its
 * document information, and in the footer the template fills): same extraction and template in,
 * same bytes out.
 */
export async function renderBriefing(extraction: Extraction, options: RenderOptions = {}): Promise<Uint8Array> {
  const template = templateFor(options);
  // One memory of wrapped lines for all of this briefing's layouts (fittedToTwoPages lays it out again).
  const metrics = documentMetrics();
  const layOut = (limits: ModelLimits): LaidOutDocument => {
    const model = { ...buildBriefingModel(extraction, limits), template: `${template.name} ${template.sha256.slice(0, 12)}` };
    return layoutDocument(fillTemplate(template.main, template.partials, model), metrics);
  };
  let laid: LaidOutDocument | undefined;
  let limits = MODEL_LIMITS;
  for (let step = 0; laid === undefined; step++) {
    limits = scaled(MODEL_LIMITS, 1 / 2 ** step);
    try {
      laid = layOut(limits);
    } catch (error) {
      if (!isBriefingError(error) || error.code !== 'too_many_pages' || step + 1 >= SHRINK_STEPS) throw error;
    }
    options.checkpoint?.('laying out the briefing');
  }
  laid = fittedToTwoPages(laid, extraction, limits, layOut);
  const pdf = await drawPdf(laid, {
    date: documentDate(extraction.article.published),
    pdfa: options.pdfa ?? false,
    template: { name: template.name, sha256: template.sha256 },
  });
  options.checkpoint?.('drawing the PDF');
  return pdf;
}
