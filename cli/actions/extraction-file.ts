/**
 * A JSON file that declares itself Extraction JSON v1 (`"schemaVersion": 1`) is taken as an
 * extraction as it is, after schema validation, without loading intake or the extractor
 * (`render`, `event`). The validator loads only once there is something to validate.
 */
import { IntakeError } from '../../lambdas/core/errors';
import type { Extraction } from '../../lambdas/extract/types';
import type { Input } from '../input';

/** The JSON document of a file input when it declares itself Extraction JSON v1, else null. */
export async function asExtraction(input: Input): Promise<Extraction | null> {
  if (input.url !== undefined || !input.name.toLowerCase().endsWith('.json')) return null;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(input.bytes));
  } catch {
    return null; // not JSON at all: let intake explain what is wrong with it
  }
  if (typeof value !== 'object' || value === null || (value as { schemaVersion?: unknown }).schemaVersion !== 1) return null;
  const { extractionErrors } = await import('../../schema/validate');
  const problems = extractionErrors(value);
  if (problems.length > 0) {
    throw new IntakeError('bad_extraction', `not valid Extraction JSON v1: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`);
  }
  return value as Extraction;
}
