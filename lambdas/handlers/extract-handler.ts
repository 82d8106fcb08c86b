/**
 * Stage 1: an article lands in the input bucket → `figures/<key minus extension>.json` in the
 * output bucket (or `errors/<key>.json` when the article is unusable). Nothing is written to
 * the input bucket, so this stage cannot trigger itself.
 */
import { IntakeError } from '../core/errors';
import { extractFromBytes } from '../core/extract-bytes';
import { DEFAULT_MAX_BYTES } from '../intake/types';
import { sourceMetadata } from './correlation';
import { count, METRIC } from './observability';
import { errorKeyFor, figuresKeyFor } from './s3-keys';
import { writeObject } from './s3-io';
import { createStageHandler, type HandlerDeps, type SqsHandler } from './stage';
import { templateChoiceOf, templateFingerprint, templateNameFor, templateOf } from './template-choice';

export type { HandlerDeps } from './stage';

/** Uploads without a Content-Type get this from S3; it says nothing, so the key's extension decides. */
const UNINFORMATIVE_TYPES = new Set(['application/octet-stream', 'binary/octet-stream']);

/** `x-amz-meta-published: YYYY-MM-DD` on the upload overrides the article's own date. */
const PUBLISHED_METADATA = 'published';

export function createExtractHandler(deps: HandlerDeps): SqsHandler {
  const maxBytes = deps.maxBytes ?? DEFAULT_MAX_BYTES;
  const templates = templateChoiceOf(deps);
  return createStageHandler(
    {
      stage: 'extract',
      outputsOf: (key) => [figuresKeyFor(key), errorKeyFor(key)],
      // The figures record the upload's template, so re-uploading after a template change re-renders.
      fingerprint: (key, head) => templateFingerprint(templates, templateNameFor(templates, key, head)),
      check(key, head) {
        if (head.size > maxBytes) {
          throw new IntakeError('too_large', `${key}: ${head.size} bytes is more than the ${maxBytes}-byte limit`, {
            context: { size: head.size, maxBytes },
          });
        }
      },
      async produce({ key, head, bytes, source, deps: { s3, outputBucket, logger, metrics }, fingerprint }) {
        templateOf(templates, fingerprint); // an unknown template name is refused before any work
        const contentType = head.contentType && !UNINFORMATIVE_TYPES.has(head.contentType) ? head.contentType : undefined;
        const extraction = extractFromBytes(bytes, {
          name: key,
          maxBytes,
          contentType,
          published: head.metadata[PUBLISHED_METADATA] ?? null,
        });
        const figuresKey = figuresKeyFor(key);
        await writeObject(s3, outputBucket, figuresKey, `${JSON.stringify(extraction, null, 2)}\n`, {
          contentType: 'application/json',
          sourceEtag: head.etag,
          // The article's identity travels on to the render stage (one correlation id for both).
          metadata: { 'source-sha256': extraction.article.sha256, ...fingerprint, ...sourceMetadata(source) },
        });
        count(metrics, METRIC.processed);
        count(metrics, METRIC.figures, extraction.figures.length);
        // A failed step is data, not a crash: the figures are written, and the failure is seen.
        const problems = extraction.problems ?? [];
        if (problems.length) {
          count(metrics, METRIC.problems, problems.length);
          logger.warn('extraction problems', { key, problems });
        }
        logger.info('figures written', { key, figuresKey, figures: extraction.figures.length });
      },
    },
    deps,
  );
}
