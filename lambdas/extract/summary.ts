/**
 * A 2–4 sentence summary taken from the article: its lead sentence, then the sentences that
 * carry the top key figures, in article order.
 */
import type { Sentence } from './sentences';

const MIN_WORDS = 8;
const MAX_SENTENCES = 4;

const isStatement = (s: Sentence): boolean =>
  s.text.split(/\s+/).length >= MIN_WORDS && /[.!?]["”’)]?$/.test(s.text) && !/^["“]/.test(s.text);

/** `keySentences`: indexes of the sentences of the key figures, best figure first. */
export function summarise(sentences: readonly Sentence[], keySentences: readonly number[]): string[] {
  const chosen = new Set<number>();
  const lead = sentences.find(isStatement);
  if (lead) chosen.add(lead.index);
  for (const index of keySentences) {
    if (chosen.size >= MAX_SENTENCES) break;
    const s = sentences[index];
    if (s && isStatement(s)) chosen.add(index);
  }
  // A short article still gets two sentences when it has them.
  for (const s of sentences) {
    if (chosen.size >= 2) break;
    if (isStatement(s)) chosen.add(s.index);
  }
  return [...chosen].sort((a, b) => a - b).map((i) => sentences[i]!.text);
}
