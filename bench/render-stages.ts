/**
 * The render stage split into its parts, timed one by one, calling the same functions in the
 * same order as lambdas/render/index.ts: view model + Handlebars + XML → layout → pdfkit.
 */
import type { Extraction } from '../lambdas/extract/types';

export interface RenderSplit {
  /** Stage names in order, as they appear in the table. */
  readonly stages: readonly string[];
  readonly description: string;
  /** Runs the stages once on one extraction; the time of each, in order. */
  time(extraction: Extraction): Promise<Array<[string, number]>>;
}

/** The PDF date only fills metadata; any fixed date costs the same to draw. */
const DATE = new Date('2000-01-01T00:00:00Z');

export const SPLIT_STAGES = ['template (model + Handlebars + XML)', 'layout', 'rendering (pdfkit)'] as const;

/** Loaded lazily: when a render module is missing or renamed, only this split is lost. */
export async function loadRenderSplit(failures: string[]): Promise<RenderSplit | null> {
  try {
    const [{ buildBriefingModel }, { fillTemplate }, { bundledTemplates }, { layoutDocument }, { fontMetrics }, { drawPdf }] = await Promise.all([
      import('../lambdas/briefing/model'),
      import('../lambdas/template/fill'),
      import('../lambdas/template/load'),
      import('../lambdas/layout'),
      import('../lambdas/render/fonts'),
      import('../lambdas/render/pdf'),
    ]);
    return {
      stages: SPLIT_STAGES,
      description: 'buildBriefingModel + fillTemplate → layoutDocument → drawPdf, as renderBriefing calls them',
      async time(extraction) {
        const templates = bundledTemplates();
        let t = performance.now();
        const tree = fillTemplate(templates.main, templates.partials, buildBriefingModel(extraction));
        const templateMs = performance.now() - t;
        t = performance.now();
        const laid = layoutDocument(tree, fontMetrics());
        const layoutMs = performance.now() - t;
        t = performance.now();
        await drawPdf(laid, { date: DATE, pdfa: false });
        const drawMs = performance.now() - t;
        return [[SPLIT_STAGES[0], templateMs], [SPLIT_STAGES[1], layoutMs], [SPLIT_STAGES[2], drawMs]];
      },
    };
  } catch (error) {
    failures.push(`render split: ${error instanceof Error ? error.message : String(error)}; only the combined render is timed`);
    return null;
  }
}
