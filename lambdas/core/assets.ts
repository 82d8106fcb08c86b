/**
 * Finds files the renderer reads at run time (templates, fonts, the sRGB ICC profile) in dev,
 * in tests and inside a Lambda bundle alike. The bundler copies `templates/`, `fonts/` and
 * `data/sRGB_IEC61966_2_1.icc` beside the bundle; in a checkout they live at the project root
 * or inside node_modules.
 */
import { existsSync } from 'node:fs';
import { dirname, join, parse, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BriefingError } from './errors';

/**
 * Dev locations of assets that ship inside npm packages rather than in the repository; the
 * bundler (infra/bundling.ts) copies each from here to its name beside the bundle.
 */
export const PACKAGE_FALLBACKS: Readonly<Record<string, string>> = {
  'fonts/DejaVuSans.ttf': 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  'fonts/DejaVuSans-Bold.ttf': 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  'data/sRGB_IEC61966_2_1.icc': 'node_modules/pdfkit/js/data/sRGB_IEC61966_2_1.icc',
};

/**
 * The directory of this module. In ESM `import.meta.url` says it; an esbuild CJS bundle leaves
 * `import.meta` empty but defines `__dirname`. Either may be missing, so both are guarded.
 */
export function moduleDir(): string | null {
  try {
    const url = import.meta.url;
    if (typeof url === 'string' && url.startsWith('file:')) return dirname(fileURLToPath(url));
  } catch {
    // not an ES module: fall through to __dirname
  }
  return typeof __dirname === 'string' ? __dirname : null;
}

/** Every directory from `start` up to the filesystem root. */
function ancestors(start: string): string[] {
  const dirs: string[] = [];
  let dir = resolve(start);
  for (;;) {
    dirs.push(dir);
    const up = dirname(dir);
    if (up === dir || dir === parse(dir).root) return dirs;
    dir = up;
  }
}

const found = new Map<string, string>();

/** Absolute path of an asset such as `templates/briefing.hbs` or `fonts/DejaVuSans.ttf`. */
export function findAsset(relativePath: string): string {
  const cached = found.get(relativePath);
  if (cached) return cached;
  const candidates: string[] = [];
  const envDir = process.env.BRIEFING_ASSETS_DIR;
  if (envDir) candidates.push(join(envDir, relativePath));
  const here = moduleDir();
  const starts = [here, process.cwd()].filter((d): d is string => d !== null);
  for (const start of starts) {
    for (const dir of ancestors(start)) {
      candidates.push(join(dir, relativePath));
      const fallback = PACKAGE_FALLBACKS[relativePath];
      if (fallback) candidates.push(join(dir, fallback));
    }
  }
  const hit = candidates.find((c) => existsSync(c));
  if (!hit) {
    throw new BriefingError('render', 'asset_missing', `cannot find ${relativePath} (set BRIEFING_ASSETS_DIR)`, {
      permanent: false,
      context: { asset: relativePath },
    });
  }
  found.set(relativePath, hit);
  return hit;
}
