/** The render stage's work in this process: Extraction JSON bytes → briefing PDF (Event JSON → event briefing). */
import { BriefingError } from '../core/errors';
import type { Extraction } from '../extract/types';
import { renderBriefing } from '../render';
import type { CoreBudget, RenderRequest, RenderResult } from './cores';
import { renderEventFigures } from './event-render';

export function parseExtraction(bytes: Uint8Array, key: string): Extraction {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as Partial<Extraction>;
    if (parsed?.schemaVersion !== 1) throw new Error(`schemaVersion is ${String(parsed?.schemaVersion)}, expected 1`);
    return parsed as Extraction;
  } catch (cause) {
    throw new BriefingError('render', 'bad_figures', `${key}: not Extraction JSON (${(cause as Error).message})`, {
      cause,
      permanent: true,
    });
  }
}

export async function renderInProcess(request: RenderRequest, budget: CoreBudget): Promise<RenderResult> {
  if (request.event) {
    const started = performance.now();
    const { pdf, figures } = await renderEventFigures(request.figures, request.key);
    return { pdf, renderMs: performance.now() - started, figures };
  }
  const extraction = parseExtraction(request.figures, request.key);
  budget.checkpoint('reading the figures');
  const started = performance.now();
  const pdf = await renderBriefing(extraction, { use: request.template, checkpoint: budget.checkpoint });
  return { pdf, renderMs: performance.now() - started, figures: extraction.figures.length };
}
