/**
 * Stage 2: `figures/….json` lands in the output bucket → `briefings/….pdf` beside it. It writes
 * only `briefings/` and `errors/`, never `figures/`, so its own writes never notify it again.
 * Rendering is the slow, memory-hungry half; a separate function lets it be sized, retried and
 * re-run (e.g. after a template change) without re-extracting.
 */
import { BriefingError } from '../core/errors';
import type { Extraction } from '../extract/types';
import { renderBriefing } from '../render';
import type { Template } from '../template/load';
import { sourceFromMetadata, sourceOfObject } from './correlation';
import { eventFingerprint, isEventFigures, renderEventFigures } from './event-render';
import { milliseconds, count, METRIC } from './observability';
import { briefingKeyFor, errorKeyFor, FIGURES_PREFIX } from './s3-keys';
import { writeObject } from './s3-io';
import { createStageHandler, type HandlerDeps, type SqsHandler } from './stage';
import { templateChoiceOf, templateFingerprint, templateNameFor, templateOf } from './template-choice';

export type { HandlerDeps } from './stage';

function parseExtraction(bytes: Uint8Array, key: string): Extraction {
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

/** The briefing of one article's figures, drawn with the template its upload chose. */
async function renderArticleFigures(bytes: Uint8Array, key: string, template: Template): Promise<{ pdf: Uint8Array; template: string; figures: number }> {
  const extraction = parseExtraction(bytes, key);
  return { pdf: await renderBriefing(extraction, { use: template }), template: template.name, figures: extraction.figures.length };
}

export function createRenderHandler(deps: HandlerDeps): SqsHandler {
  const templates = templateChoiceOf(deps);
  return createStageHandler(
    {
      stage: 'render',
      // Figures written by the extract stage name the article they came from.
      sourceOf: (bucket, key, head) => sourceFromMetadata(head.metadata) ?? sourceOfObject(bucket, key, head),
      outputsOf: (key) => {
        const briefingKey = briefingKeyFor(key);
        return briefingKey ? [briefingKey, errorKeyFor(key)] : null;
      },
      // The template extraction recorded on the figures; figures uploaded by hand go by their key's prefix.
      // An event's fused figures (event-render.ts) are drawn with the event template.
      fingerprint: (key, head) => (isEventFigures(head) ? eventFingerprint()
        : templateFingerprint(templates, templateNameFor(templates, key.slice(FIGURES_PREFIX.length), head))),
      async produce({ key, head, bytes, announce, deps: { s3, outputBucket, presignUrl, logger, metrics }, fingerprint }) {
        const started = performance.now();
        const { pdf, template, figures } = isEventFigures(head)
          ? await renderEventFigures(bytes, key)
          : await renderArticleFigures(bytes, key, templateOf(templates, fingerprint));
        const renderMs = performance.now() - started;
        const briefingKey = briefingKeyFor(key) as string;
        await writeObject(s3, outputBucket, briefingKey, pdf, { contentType: 'application/pdf', sourceEtag: head.etag, metadata: fingerprint });
        count(metrics, METRIC.processed);
        milliseconds(metrics, METRIC.renderMs, renderMs);
        logger.info('briefing written', { key, briefingKey, bytes: pdf.byteLength, renderMs: Math.round(renderMs), ...fingerprint });
        const url = presignUrl ? await presignUrl(outputBucket, briefingKey).catch((error: unknown) => {
          logger.error('no pre-signed URL for the Ready event', { error: error as Error });
          return undefined;
        }) : undefined;
        await announce({ ready: true, figuresKey: key, briefingKey, template, figures, url });
      },
    },
    deps,
  );
}
