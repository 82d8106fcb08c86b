/** Reads the bundled template and its partials (templates/partials/*.hbs) once per process. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findAsset } from '../render/assets';
import type { TemplateSource } from './fill';

export interface TemplateSet {
  readonly main: TemplateSource;
  readonly partials: readonly TemplateSource[];
}

let bundled: TemplateSet | null = null;

export function bundledTemplates(): TemplateSet {
  if (bundled) return bundled;
  const mainPath = findAsset('templates/briefing.hbs');
  const partialDir = join(dirname(mainPath), 'partials');
  const partials = readdirSync(partialDir)
    .filter((f) => f.endsWith('.hbs'))
    .sort()
    .map((f) => ({ name: f, source: readFileSync(join(partialDir, f), 'utf8') }));
  bundled = { main: { name: 'briefing.hbs', source: readFileSync(mainPath, 'utf8') }, partials };
  return bundled;
}
