/**
 * Characters XML 1.0 forbids (C0 controls but tab/newline/return, lone surrogates, U+FFFE/F)
 * and C1 controls, which no font draws. Stripped from every value before templating, so an
 * article with `\u0000` cannot break the XML parse or print a missing-glyph box.
 */
// eslint-disable-next-line no-control-regex
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Every character ILLEGAL might match, surrogates paired or not: most texts have none and are returned as they are. */
// eslint-disable-next-line no-control-regex
const MAYBE_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/;

export const stripIllegalChars = (text: string): string => (MAYBE_ILLEGAL.test(text) ? text.replace(ILLEGAL, '') : text);

/** Deep copy of a JSON-like value with every string cleaned. */
export function sanitizeDeep<T>(value: T): T {
  if (typeof value === 'string') return stripIllegalChars(value) as T;
  if (Array.isArray(value)) return value.map((v) => sanitizeDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = sanitizeDeep(v);
    return out as T;
  }
  return value;
}
