/**
 * The render stage split into its parts (template → layout → pdfkit), timed one by one.
 * Until the render modules expose their stages, only the combined renderBriefing is timed.
 */
import type { Extraction } from '../lambdas/extract/types';

export interface RenderSplit {
  /** Stage names in order, as they appear in the table. */
  readonly stages: readonly string[];
  readonly description: string;
  /** Runs the stages once on one extraction; the time of each, in order. */
  time(extraction: Extraction): Promise<Array<[string, number]>>;
}

export async function loadRenderSplit(_failures: string[]): Promise<RenderSplit | null> {
  return null;
}
