/**
 * Extraction → briefing PDF: view model → Handlebars template → document tree → layout → pdfkit.
 * Same extraction and template in, same bytes out: the PDF dates come from the article.
 */
import { isBriefingError } from '../core/errors';
import type { Extraction, Figure } from '../extract/types';
import { buildBriefingModel, MODEL_LIMITS, type BriefingModel, type ModelLimits } from '../briefing/model';
import { pickTableFigures, strongestFirst } from '../briefing/select';
import { fillTemplate } from '../template/fill';
import { DEFAULT_TEMPLATE, deployedTemplates, templateHash, templateName, type Template } from '../template/load';
import { layoutFlow, pagesOf, rowCellTexts, type LaidOutFlow, type Unit } from '../layout';
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

/** A layout of the briefing: the laid-out document, the flow it was paginated from, and its model. */
interface BriefingLayout extends LaidOutFlow {
  readonly model: BriefingModel;
}

function fittedToTwoPages(first: BriefingLayout, extraction: Extraction, limits: ModelLimits, layOut: (limits: ModelLimits) => BriefingLayout): LaidOutDocument {
  if (first.document.pages.length !== BRIEFING_PAGES + 1) return first.document;
  const shown = Math.min(limits.tableFigures, extraction.figures.length);
  const keys = extraction.figures.filter((f) => f.key).length;
  const least = Math.max(keys, shown - FIT_ROWS);
  // Each layout that still runs over is the better guide for the next count (it prints the note).
  for (let rows = mostRowsThatMightFit(first, extraction.figures, shown, least); rows >= least; ) {
    const layout = layOut({ ...limits, tableFigures: rows });
    if (layout.document.pages.length <= BRIEFING_PAGES) return layout.document;
    rows = Math.min(rows - 1, mostRowsThatMightFit(layout, extraction.figures, rows, least));
  }
  return first.document;
}

/**
 * The most rows, fewer than the `shown` of the layout tried, the table can keep and perhaps fit,
 * so fewer layouts are tried: that layout's flow without the rows a smaller table drops,
 * paginated alone (no layout); a count whose flow still runs onto a third page is skipped.
 * Dropping rows mostly lengthens what stays (the table gains its note, a row after a dropped one
 * prints its sentence in full), so the real layout would run over too. Not always: a label can
 * change with the sentences the table shows, and a template of one's own may print the figures
 * elsewhere as well; then a count that would just fit can be skipped and the table keeps one row
 * fewer (on 602 articles of the tests and benchmarks it never did). No count is skipped where the
 * table's rows cannot be told in the flow, where a dropped row would turn a later one back into
 * "(same sentence as above)", where the table could lose all its rows (and its header with them),
 * or where a shorter count would shorten the note.
 */
function mostRowsThatMightFit(tried: BriefingLayout, figures: readonly Figure[], shown: number, least: number): number {
  if (least <= 0) return shown - 1;
  // The rows of the layout tried, in the model's order (it sorts the table by position too).
  const table = pickTableFigures(figures, shown).sort((p, q) => p.span[0] - q.span[0]);
  const rowUnits = figureRows(tried.units, tried.model.figures.map((row) => row.figure));
  if (rowUnits === null || rowUnits.length !== table.length || sentenceRepeatsApart(table)) return shown - 1;
  const ranked = strongestFirst(figures);
  for (let kept = shown - 1; kept >= least; kept--) {
    if (tried.model.figuresNote !== null && String(kept).length < String(shown).length) return kept;
    const keep = new Set(ranked.slice(0, kept));
    const dropped = new Set(rowUnits.filter((_, i) => !keep.has(table[i]!)));
    if (flowFits(tried.units.filter((unit) => !dropped.has(unit)))) return kept;
  }
  return least - 1;
}

/** A guess that cannot be made (the paginator refuses the flow) is no reason to skip a count, nor to fail the render. */
function flowFits(units: readonly Unit[]): boolean {
  try {
    return pagesOf(units) <= BRIEFING_PAGES;
  } catch {
    return true;
  }
}

/** Two rows of the table, not next to each other, quote the same sentence. */
function sentenceRepeatsApart(table: readonly Figure[]): boolean {
  const last = new Map<string, number>();
  return table.some((figure, i) => {
    const before = last.get(figure.sentence);
    last.set(figure.sentence, i);
    return before !== undefined && before < i - 1;
  });
}

/**
 * The units of the table rows that print these figures, one each in order: the one run of
 * consecutive table rows whose first cells read them. Null when there is not exactly one.
 */
export function figureRows(units: readonly Unit[], figures: readonly string[]): Unit[] | null {
  const wanted = figures.map((text) => text.replace(/ +/g, ' ').trim());
  const runs: Unit[][] = [];
  let run: Unit[] = [];
  for (const unit of [...units, null]) {
    if (unit?.row) run.push(unit);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  const matches = runs.filter((r) => r.length === wanted.length && r.every((unit, i) => rowCellTexts(unit)?.[0] === wanted[i]));
  return matches.length === 1 ? matches[0]! : null;
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
  const layOut = (limits: ModelLimits): BriefingLayout => {
    const model = { ...buildBriefingModel(extraction, limits), template: `${template.name} ${template.sha256.slice(0, 12)}` };
    return { ...layoutFlow(fillTemplate(template.main, template.partials, model), metrics), model };
  };
  let laid: BriefingLayout | undefined;
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
  const pdf = await drawPdf(fittedToTwoPages(laid, extraction, limits, layOut), {
    date: documentDate(extraction.article.published),
    pdfa: options.pdfa ?? false,
    template: { name: template.name, sha256: template.sha256 },
  });
  options.checkpoint?.('drawing the PDF');
  return pdf;
}
