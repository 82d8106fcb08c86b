/**
 * Stage 2: `figures/….json` lands in the output bucket → `briefings/….pdf` beside it. It writes
 * only `briefings/` and `errors/`, never `figures/`, so its own writes never notify it again.
 * Rendering is the slow, memory-hungry half; a separate function lets it be sized, retried and
 * re-run (e.g. after a template change) without re-extracting.
 */
import type { BudgetRule } from './budget';
import type { RenderCore } from './cores';
import { milliseconds, METRIC } from './observability';
import { renderInProcess } from './render-core';
import { briefingKeyFor, errorKeyFor, FIGURES_PREFIX } from './s3-keys';
import { createStageHandler, type HandlerDeps, type SqsHandler, type StageOutputs } from './stage';
import { TEMPLATE_METADATA, templateChoiceOf, templateFingerprint, templateNameFor, templateOf } from './template-choice';
import { sourceFromMetadata, sourceOfObject } from './correlation';
import { eventFingerprint, isEventFigures } from './event-render';
import { DEFAULT_TEMPLATE } from '../template/load';

export type { HandlerDeps } from './stage';

/**
 * A briefing is at most 8 pages whatever the figures say, and renders in well under a second;
 * 10 s (plus reading a large figures file) is a generous ceiling.
 */
export const RENDER_BUDGET: BudgetRule = { baseMs: 10_000, perMegabyteMs: 2_000 };

/** Where a figures object's briefing and error record go; null for a key outside `figures/…json`. */
export function renderOutputs(key: string): StageOutputs | null {
  const briefingKey = briefingKeyFor(key);
  return briefingKey ? { product: briefingKey, error: errorKeyFor(key), downstream: [] } : null;
}

export interface RenderDeps extends HandlerDeps {
  /** Where the work runs; default: in this process. */
  readonly core?: RenderCore;
}

export function createRenderHandler(deps: RenderDeps): SqsHandler {
  const core = deps.core ?? renderInProcess;
  const templates = templateChoiceOf(deps);
  return createStageHandler(
    {
      stage: 'render',
      // Figures written by the extract stage name the article they came from.
      sourceOf: (bucket, key, head) => sourceFromMetadata(head.metadata) ?? sourceOfObject(bucket, key, head),
      budget: RENDER_BUDGET,
      outputsOf: renderOutputs,
      // The template extraction recorded on the figures; figures uploaded by hand go by their key's prefix.
      // An event's fused figures (event-render.ts) are drawn with the event template.
      fingerprint: (key, head) => (isEventFigures(head) ? eventFingerprint()
        : templateFingerprint(templates, templateNameFor(templates, key.slice(FIGURES_PREFIX.length), head))),
      async produce({ key, head, bytes, budget, fingerprint }) {
        const request = isEventFigures(head) ? { figures: bytes, key, event: true } : { figures: bytes, key, template: templateOf(templates, fingerprint) };
        const { pdf, renderMs, figures } = await core(request, budget);
        return {
          body: pdf, contentType: 'application/pdf',
          facts: { bytes: pdf.byteLength, renderMs: Math.round(renderMs) }, measures: { renderMs, figures },
        };
      },
      measure(product, metrics) {
        milliseconds(metrics, METRIC.renderMs, product.measures?.renderMs ?? 0);
      },
      async ready(key, product, fingerprint) {
        const briefingKey = briefingKeyFor(key) as string;
        const url = deps.presignUrl ? await deps.presignUrl(deps.outputBucket, briefingKey).catch(() => undefined) : undefined;
        return { ready: true, figuresKey: key, briefingKey, template: fingerprint[TEMPLATE_METADATA] ?? DEFAULT_TEMPLATE, figures: product.measures?.figures ?? 0, url };
      },
    },
    deps,
  );
}
