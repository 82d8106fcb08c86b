/**
 * Realistic long articles for the scale measure: the development set's body paragraphs, mixed
 * in a fixed order and repeated until the text reaches the wanted size in bytes (never above it).
 */
import { devSet } from './articles';

const TEXT_FORMATS = /\.(txt|md)$/i;

/** Body paragraphs of every plain-text dev-set article (the first block, the headline, skipped). */
function paragraphs(): string[] {
  const blocks = devSet()
    .filter((a) => TEXT_FORMATS.test(a.name))
    .flatMap((a) => new TextDecoder().decode(a.bytes).split(/\n\s*\n/).slice(1))
    .map((p) => p.trim())
    .filter((p) => p.length > 40);
  if (blocks.length === 0) throw new Error('no plain-text paragraphs in the development set');
  return blocks;
}

/** A deterministic interleaving (stride through the list) so neighbouring paragraphs differ. */
function mixed(list: readonly string[]): string[] {
  const stride = list.length > 7 ? 7 : 1;
  const out: string[] = [];
  for (let start = 0; start < stride; start += 1) for (let i = start; i < list.length; i += stride) out.push(list[i]!);
  return out;
}

export function scaledArticle(sizeBytes: number): string {
  const pool = mixed(paragraphs());
  const head = `Scale test: ${Math.round(sizeBytes / 1024)} KB of wire-report paragraphs\n\n`;
  const parts: string[] = [head];
  let size = Buffer.byteLength(head);
  for (let i = 0; ; i += 1) {
    const next = pool[i % pool.length]! + '\n\n';
    const bytes = Buffer.byteLength(next);
    if (size + bytes > sizeBytes) break;
    parts.push(next);
    size += bytes;
  }
  return parts.join('').trimEnd() + '\n';
}
