/**
 * Why each number got its category, for `briefing extract --explain`: the figure, the rule that
 * decided it (by name, as kept on the figure) and that rule's reason, and the sentence. Reads an
 * Extraction as written, so it also explains an edited or older file.
 */
import type { Extraction, Figure } from './types';
import { MEANING_RULES } from './rules/meaning-rules';
import { REFINERS } from './refiners';

// Rules that live outside the rule table: how amounts are named, implied counts, the fallback.
const OTHER_RULES: Readonly<Record<string, string>> = {
  'amount-money': 'An amount of money: its currency says the category; it is named by the phrase it belongs to.',
  'amount-percent': 'A share: the percent sign says the category; it is named by what it is a share of.',
  'amount-measure': 'A measure with its unit (mm, km/h, °C, magnitude): a quantity, named by what is measured.',
  'single-victim': 'One person named as the one harmed ("gunmen shot dead a retired judge"): a figure of 1, implied by the text.',
  'written-out-sum': 'Counts joined by "and" under one predicate, or "12 others" added to a count before: their sum, implied by the text.',
  'earlier-value': 'An earlier value of a count that changed ("up from 276"): it takes the category of the count that replaced it.',
  'no-predicate': 'Nothing in the sentence says what happened to the counted: "other".',
};

const reasons: ReadonlyMap<string, string> = new Map([
  ...MEANING_RULES.map((r) => [r.name, r.doc] as const),
  ...REFINERS.map((r) => [r.name, r.doc] as const),
  ...Object.entries(OTHER_RULES),
]);

/** The reason of a named rule, or null when the name is none of ours. */
export function ruleReason(name: string): string | null {
  return reasons.get(name) ?? null;
}

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function describe(f: Figure): string {
  const value = f.max !== null ? `${f.value}–${f.max}` : String(f.value);
  const marks = [f.key ? `key #${f.rank}` : null, f.derived ? 'implied' : null, f.previous ? 'earlier value' : null, f.vague ? 'vague' : null].filter(Boolean);
  return `${f.id}  ${value} ${f.category}  "${f.label}"${marks.length ? `  (${marks.join(', ')})` : ''}`;
}

/** A plain-text report, one block a figure, then any problems the extraction recorded. */
export function explainExtraction(x: Extraction): string {
  const lines: string[] = [`${x.figures.length} figures in "${clip(x.article.title, 80)}"`, ''];
  for (const f of x.figures) {
    lines.push(describe(f));
    const rule = f.rule ?? 'unknown';
    lines.push(`    rule: ${rule} — ${ruleReason(rule) ?? 'not a rule of this extractor'}`);
    lines.push(`    words: "${f.text}"${f.parts?.length ? ` = ${f.parts.join(' + ')}` : ''}${f.previousId ? `, replacing ${f.previousId}` : ''}`);
    lines.push(`    sentence: ${clip(f.sentence, 240)}`);
    lines.push('');
  }
  for (const p of x.problems ?? []) lines.push(`problem: ${p.step}${p.rule ? ` (${p.rule})` : ''}: ${p.message}`);
  return lines.join('\n').trimEnd();
}
