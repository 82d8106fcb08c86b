/**
 * The pure pipeline, end to end: bytes → Article → Extraction → PDF. No AWS import here; the
 * Lambda handlers, the CLI and the local pipeline are thin adapters over these functions.
 */
import { extractFromBytes, type ExtractBytesOptions } from './extract-bytes';
import type { Extraction } from '../extract/types';
import { renderBriefing, type RenderOptions } from '../render';

export { extractFromBytes, type ExtractBytesOptions } from './extract-bytes';

export async function briefingFromBytes(
  bytes: Uint8Array,
  options: ExtractBytesOptions & RenderOptions,
): Promise<{ extraction: Extraction; pdf: Uint8Array }> {
  const extraction = extractFromBytes(bytes, options);
  const pdf = await renderBriefing(extraction, options);
  return { extraction, pdf };
}
