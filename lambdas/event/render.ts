/**
 * Event JSON → event briefing PDF, through the same engine as a single briefing: view model →
 * Handlebars template (templates/event/event.hbs, with the shared partials) → document tree →
 * layout → pdfkit. Same event in, same bytes out: the PDF is dated by the latest article.
 */
import { readFileSync } from 'node:fs';
import { documentDate } from '../render';
import { findAsset } from '../core/assets';
import { documentMetrics } from '../render/fonts';
import { drawPdf } from '../render/pdf';
import { layoutDocument } from '../layout';
import type { LaidOutDocument } from '../layout/types';
import { fillTemplate } from '../template/fill';
import { bundledTemplates, templateHash, type Template } from '../template/load';
import { buildEventModel, LIMIT_STEPS } from './briefing-model';
import type { EventDocument } from './types';

export const EVENT_TEMPLATE = 'templates/event/event.hbs';

let template: Template | null = null;

/** The event template with the deployed partials and its content hash, read once per process. */
export function eventTemplate(): Template {
  if (template) return template;
  const set = { main: { name: 'event.hbs', source: readFileSync(findAsset(EVENT_TEMPLATE), 'utf8') }, partials: bundledTemplates().partials };
  template = { name: 'event', ...set, sha256: templateHash(set) };
  return template;
}

export interface EventRenderOptions {
  /** Write PDF/A-2b metadata and the sRGB output intent. */
  readonly pdfa?: boolean;
}

/** Three pages for up to five articles, a page more for every five more. */
export const pageBudget = (articles: number): number => 3 + Math.ceil(Math.max(0, articles - 5) / 5);

/**
 * Lays the briefing out with the fullest lists first and shorter ones (fewer sentences,
 * timeline entries and quotes, a note saying so) until it fits its page budget.
 */
export function layoutEvent(event: EventDocument): LaidOutDocument {
  const budget = pageBudget(event.articles.length);
  let laid: LaidOutDocument | null = null;
  const t = eventTemplate();
  const metrics = documentMetrics();
  for (const limits of LIMIT_STEPS) {
    laid = layoutDocument(fillTemplate(t.main, t.partials, buildEventModel(event, `${t.name} ${t.sha256.slice(0, 12)}`, limits)), metrics);
    if (laid.pages.length <= budget) break;
  }
  return laid!;
}

export async function renderEventBriefing(event: EventDocument, options: EventRenderOptions = {}): Promise<Uint8Array> {
  const t = eventTemplate();
  return drawPdf(layoutEvent(event), { date: documentDate(event.period.to), pdfa: options.pdfa ?? false, template: { name: t.name, sha256: t.sha256 } });
}
