/**
 * Every parser runs through `guarded`: odd text (unbalanced quotes, binary noise, a megabyte of
 * digits) may make one parser find nothing, never make extraction fail.
 */
export function guarded<T>(parse: () => T[]): T[] {
  try {
    return parse();
  } catch {
    return [];
  }
}
