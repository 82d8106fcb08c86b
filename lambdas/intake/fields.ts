/**
 * Reading loosely-typed metadata (JSON objects, YAML front matter, JSON-LD nodes) without
 * trusting its shape: a field may be a string, an object with a name, or a list of either.
 */

export type Fields = Readonly<Record<string, unknown>>;

export const isRecord = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A display name: "Reuters", { name: "Reuters" }, or a list of those joined with ", ". */
export function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((name): name is string => name !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (isRecord(value)) return nameOf(value.name);
  return null;
}

/** The first of `keys` whose value `read` accepts. */
export function pick<T>(fields: Fields, keys: readonly string[], read: (value: unknown) => T | null): T | null {
  for (const key of keys) {
    const value = read(fields[key]);
    if (value !== null) return value;
  }
  return null;
}

/** An absolute http(s) URL, or null; `{ "@id": … }` (JSON-LD) is accepted too. */
export function urlOf(value: unknown): string | null {
  const candidate = isRecord(value) ? value['@id'] ?? value.url : value;
  if (typeof candidate !== 'string' || !/^https?:\/\//i.test(candidate.trim())) return null;
  try {
    return new URL(candidate.trim()).href;
  } catch {
    return null;
  }
}

/** "By Jane Doe and Sam Roe" → "Jane Doe and Sam Roe". */
export function cleanByline(value: string | null): string | null {
  const byline = value?.replace(/\s+/g, ' ').replace(/^by\s+/i, '').trim();
  return byline ? byline : null;
}
