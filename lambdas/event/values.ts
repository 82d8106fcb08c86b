/**
 * What a reported value claims, as an interval: "412" is [412, 412], "more than 3,000" is
 * [3000, ∞), "about 4,000" is [3600, 4400], "nearly 45,000" [40500, 45000], "hundreds" [100,
 * 1000). Two reports agree when their intervals meet; a rough report is one that only bounds
 * or rounds the count. Fusion decides agreement, disputes and precision from these alone.
 */
import type { Qualifier } from '../extract/types';

export interface Claim {
  readonly value: number;
  readonly max: number | null;
  readonly qualifier: Qualifier;
  /** The words as written: "nearly" and "almost" bound an approximate value from above. */
  readonly text: string;
  /** A vague count ("hundreds of"): the value is the order of magnitude only. */
  readonly vague?: boolean;
}

export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

/** "About" reads as within a tenth either way. */
const APPROXIMATE = 0.1;
/** Words that put an approximate value just under the number written. */
const JUST_UNDER = /\b(?:nearly|almost|close to|just under|approaching)\b/i;

export function interval(c: Claim): Interval {
  const lo = c.value;
  const hi = c.max ?? c.value;
  if (c.vague) return { lo, hi: hi * 10 };
  switch (c.qualifier) {
    case 'exact': return { lo, hi };
    case 'at_least': case 'more_than': return { lo, hi: Number.POSITIVE_INFINITY };
    case 'up_to': case 'fewer_than': return { lo: 0, hi };
    case 'approximately':
      return JUST_UNDER.test(c.text) ? { lo: lo * (1 - APPROXIMATE), hi } : { lo: lo * (1 - APPROXIMATE), hi: hi * (1 + APPROXIMATE) };
    default: return { lo, hi };
  }
}

export const agree = (a: Claim, b: Claim): boolean => {
  const x = interval(a);
  const y = interval(b);
  return x.lo <= y.hi && y.lo <= x.hi;
};

/** True when every value `precise` allows lies inside what `rough` claims. */
export function within(precise: Claim, rough: Claim): boolean {
  const r = interval(rough);
  return precise.value >= r.lo && (precise.max ?? precise.value) <= r.hi;
}

/** A round number (no non-zero digit after its first two: 180, 2,500, 40,000). */
function isRound(value: number): boolean {
  if (!Number.isInteger(value)) return false;
  const step = 10 ** Math.max(1, Math.floor(Math.log10(Math.max(1, value))) - 1);
  return value % step === 0;
}

/**
 * A figure that only bounds or rounds the count: vague, approximate, or a bound on a round
 * number ("more than 3,000"). "At least 544" bounds a precise count and is not rough.
 */
export const isRough = (c: Claim): boolean =>
  c.vague === true || c.qualifier === 'approximately' || (c.qualifier !== 'exact' && isRound(c.value));
