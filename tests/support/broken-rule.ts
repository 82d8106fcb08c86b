/** Runs `body` with one meaning rule made to throw: the way to test that a failing rule is reported, not hidden. */
import { MEANING_RULES, type MeaningRule } from '../../lambdas/extract/rules/meaning-rules';

export async function withBrokenRule<T>(name: string, body: () => T | Promise<T>): Promise<T> {
  const rule = MEANING_RULES.find((r) => r.name === name);
  if (!rule) throw new Error(`no meaning rule named ${name}`);
  const match = rule.match;
  (rule as { match: MeaningRule['match'] }).match = () => { throw new TypeError('broken rule'); };
  try {
    return await body();
  } finally {
    (rule as { match: MeaningRule['match'] }).match = match;
  }
}
