/**
 * Stage 1: an article lands in the input bucket → `figures/<key minus extension>.json` in the
 * output bucket (or `errors/<key>.json` when the article is unusable). Nothing is written to
 * the input bucket, so this stage cannot trigger itself.
 */
import { IntakeError } from '../core/errors';
import { isIsoDate } from '../core/dates';
import { DEFAULT_MAX_BYTES } from '../intake/types';
import type { BudgetRule } from './budget';
import { sourceMetadata } from './correlation';
import type { ExtractCore } from './cores';
import { extractInProcess } from './extract-core';
import { count, METRIC } from './observability';
import { briefingKeyFor, errorKeyFor, figuresKeyFor } from './s3-keys';
import { createStageHandler, type HandlerDeps, type SqsHandler, type StageOutputs } from './stage';
import { templateChoiceOf, templateFingerprint, templateNameFor, templateOf } from './template-choice';

export type { HandlerDeps } from './stage';

/** Uploads without a Content-Type get this from S3; it says nothing, so the key's extension decides. */
const UNINFORMATIVE_TYPES = new Set(['application/octet-stream', 'binary/octet-stream']);

/** `x-amz-meta-published: YYYY-MM-DD` on the upload overrides the article's own date. */
const PUBLISHED_METADATA = 'published';

/**
 * A typical article takes well under a second; 5 s plus 10 s per MB is room for the slowest
 * legitimate input on a busy machine, and stops one whose cost grows out of proportion.
 */
export const EXTRACT_BUDGET: BudgetRule = { baseMs: 5_000, perMegabyteMs: 10_000 };

/** Where an input's figures and error record go, and what the render stage makes from the figures. */
export function extractOutputs(key: string): StageOutputs {
  const figuresKey = figuresKeyFor(key);
  return { product: figuresKey, error: errorKeyFor(key), downstream: [briefingKeyFor(figuresKey) as string, errorKeyFor(figuresKey)] };
}

export interface ExtractDeps extends HandlerDeps {
  /** Where the work runs; default: in this process. */
  readonly core?: ExtractCore;
}

export function createExtractHandler(deps: ExtractDeps): SqsHandler {
  const maxBytes = deps.maxBytes ?? DEFAULT_MAX_BYTES;
  const core = deps.core ?? extractInProcess;
  const templates = templateChoiceOf(deps);
  return createStageHandler(
    {
      stage: 'extract',
      budget: EXTRACT_BUDGET,
      outputsOf: extractOutputs,
      // The figures record the upload's template, so re-uploading after a template change re-renders.
      fingerprint: (key, head) => templateFingerprint(templates, templateNameFor(templates, key, head)),
      check(key, head) {
        if (head.size > maxBytes) {
          throw new IntakeError('too_large', `${key}: ${head.size} bytes is more than the ${maxBytes}-byte limit`, {
            context: { size: head.size, maxBytes },
          });
        }
        const published = head.metadata[PUBLISHED_METADATA];
        if (published !== undefined && !isIsoDate(published.trim())) {
          throw new IntakeError('bad_metadata', `metadata published="${published.slice(0, 40)}" is not a real date written YYYY-MM-DD (e.g. 2019-06-29)`, {
            context: { published },
          });
        }
      },
      async produce({ key, head, bytes, budget, article, fingerprint }) {
        templateOf(templates, fingerprint); // an unknown template name is refused before any work
        const contentType = head.contentType && !UNINFORMATIVE_TYPES.has(head.contentType) ? head.contentType : undefined;
        const published = head.metadata[PUBLISHED_METADATA]?.trim() ?? null;
        const result = await core({ bytes, name: key, maxBytes, contentType, published }, budget);
        return {
          body: result.json,
          contentType: 'application/json',
          // The article's identity travels on to the render stage (one correlation id for both).
          metadata: { 'source-sha256': result.sha256, ...sourceMetadata(article) },
          facts: { figures: result.figures },
          measures: { figures: result.figures, problems: result.problems.length },
          // A failed step is data, not a crash: the figures are written, and the failure is seen.
          ...(result.problems.length > 0 ? { warning: { message: 'extraction problems', facts: { key, problems: result.problems } } } : {}),
        };
      },
      measure(product, metrics) {
        count(metrics, METRIC.figures, product.measures?.figures ?? 0);
        if (product.measures?.problems) count(metrics, METRIC.problems, product.measures.problems);
      },
    },
    deps,
  );
}
