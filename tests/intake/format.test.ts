import { describe, expect, it } from 'vitest';
import { chooseFormat } from '../../lambdas/intake/format';
import { isIsoDate, toIsoDate } from '../../lambdas/core/dates';
import { readText } from './support';

describe('choosing the format', () => {
  it.each([
    [{ name: 'a.TXT' }, '{"x":1}', 'txt'],
    [{ name: 'dir.v2/a.markdown' }, 'x', 'md'],
    [{ name: 'a.htm' }, 'x', 'html'],
    [{ name: 'a.json' }, 'x', 'json'],
    [{ name: 'a.txt', format: 'json' as const }, 'x', 'json'],
    [{ name: 'upload-123', contentType: 'text/html; charset=utf-8' }, 'x', 'html'],
    [{ name: 'a.txt', contentType: 'text/html' }, 'x', 'txt'],
    [{ name: 'noext' }, '  <!doctype html><p>x', 'html'],
    [{ name: 'noext' }, '\n[{"a":1}]', 'json'],
    [{ name: 'notes.v1' }, '---\ntitle: x\n---\nbody', 'md'],
    [{ name: 'noext' }, 'Plain words.', 'txt'],
  ])('%o with %j → %s', (options, text, format) => {
    expect(chooseFormat(text, options)).toBe(format);
  });

  it('an explicit format reads a .txt file as JSON', () => {
    expect(readText('{"title":"T","text":"Body."}', { name: 'x.txt', format: 'json' }).title).toBe('T');
  });
});

describe('dates', () => {
  it.each([
    ['2019-06-29T23:30:00+03:00', '2019-06-29'],
    ['2019/6/9', '2019-06-09'],
    ['Sat, 29 Jun 2019 10:00:00 GMT', '2019-06-29'],
    ['June 29th, 2019', '2019-06-29'],
    ['29 Sept. 2019', '2019-09-29'],
    ['2019-02-30', null],
    ['last Tuesday', null],
    ['', null],
  ])('%j → %s', (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });

  it('accepts only real YYYY-MM-DD dates for --published', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-2-1')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
  });
});
