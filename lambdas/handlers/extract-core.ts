/** The extract stage's work in this process: bytes → Extraction JSON (no renderer is loaded). */
import { extractionJson } from '../extract/extraction-json';
import { extractFromBytes } from '../pipeline/extract-bytes';
import type { CoreBudget, ExtractRequest, ExtractResult } from './cores';

export async function extractInProcess(request: ExtractRequest, budget: CoreBudget): Promise<ExtractResult> {
  const extraction = extractFromBytes(request.bytes, {
    name: request.name,
    maxBytes: request.maxBytes,
    contentType: request.contentType,
    published: request.published ?? null,
    checkpoint: budget.checkpoint,
  });
  budget.checkpoint('extracting the figures');
  return {
    json: extractionJson(extraction),
    figures: extraction.figures.length,
    sha256: extraction.article.sha256,
    problems: extraction.problems ?? [],
  };
}
