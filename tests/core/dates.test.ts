/**
 * Date helpers of lambdas/core/dates.ts that later stages order and check dates with.
 */
import { describe, expect, it } from 'vitest';
import { dateOrder, isIsoDate } from '../../lambdas/core/dates';

describe('dateOrder', () => {
  it('orders full dates and month-days as the calendar does, across months and years', () => {
    const days = ['2020-01-01', '2019-12-31', '2019-02-28', '2019-10-05', '2019-02-03', '2019-10-05'];
    const byTime = [...days].sort((a, b) => Date.parse(a) - Date.parse(b));
    expect([...days].sort(dateOrder)).toEqual(byTime);
    expect(['--12-01', '--01-31', '--02-01'].sort(dateOrder)).toEqual(['--01-31', '--02-01', '--12-01']);
    expect(dateOrder('2019-04-26', '2019-04-26')).toBe(0);
  });
});

describe('isIsoDate', () => {
  it('takes a real YYYY-MM-DD only', () => {
    expect(isIsoDate('2019-02-28')).toBe(true);
    expect(isIsoDate('2019-02-30')).toBe(false);
    expect(isIsoDate('2019-2-28')).toBe(false);
  });
});
