/** Greedy line breaking on measured widths; words wider than a line are cut by characters. */
import type { FontFace, FontMetrics, WrappedText } from './types';
import { append } from './units';

export interface TextStyle {
  readonly face: FontFace;
  readonly size: number;
}

function breakWord(word: string, style: TextStyle, width: number, m: FontMetrics): string[] {
  const parts: string[] = [];
  let cur = '';
  for (const ch of word) {
    if (cur !== '' && m.widthOf(cur + ch, style.face, style.size) > width) {
      parts.push(cur);
      cur = ch;
    } else cur += ch;
  }
  if (cur !== '') parts.push(cur);
  return parts;
}

/** `text` in lines of at most `width` points; the same lines as before when `m` remembers them. */
export function wrapText(text: string, style: TextStyle, width: number, m: FontMetrics): readonly string[] {
  if (!m.wraps) return wrapWords(text, style, width, m);
  let known = m.wraps.get(text);
  const same = known?.find((w) => w.face === style.face && w.size === style.size && w.width === width);
  if (same) return same.lines;
  // Frozen: a caller that changed them would change what every later layout gets.
  const wrapped: WrappedText = { face: style.face, size: style.size, width, lines: Object.freeze(wrapWords(text, style, width, m)) };
  if (!known) m.wraps.set(text, (known = []));
  known.push(wrapped);
  return wrapped.lines;
}

function wrapWords(text: string, style: TextStyle, width: number, m: FontMetrics): string[] {
  const words = text.split(' ').filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  const space = m.widthOf(' ', style.face, style.size);
  let lineWidth = 0;
  for (const word of words) {
    const w = m.widthOf(word, style.face, style.size);
    if (line !== '' && lineWidth + space + w <= width) {
      line += ' ' + word;
      lineWidth += space + w;
      continue;
    }
    if (line !== '') lines.push(line);
    if (w <= width) {
      line = word;
      lineWidth = w;
    } else {
      const pieces = breakWord(word, style, width, m);
      append(lines, pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
      lineWidth = m.widthOf(line, style.face, style.size);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** At most `maxLines` lines; the last one ends in an ellipsis when text was dropped. */
export function wrapClamped(text: string, style: TextStyle, width: number, maxLines: number, m: FontMetrics): readonly string[] {
  const lines = wrapText(text, style, width, m);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last !== '' && m.widthOf(last + '…', style.face, style.size) > width) last = last.slice(0, -1).trimEnd();
  kept[maxLines - 1] = last + '…';
  return kept;
}
