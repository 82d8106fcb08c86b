/**
 * `prebriefing`: npm runs this before every `npm run briefing`. When a source file dist/ was
 * built from has changed since (dist/build-info.json lists each with its size and time), or
 * dist/ is missing, it rebuilds first (scripts/build-cli.ts), so a developer who edited the
 * extractor never runs the old one. Plain JavaScript: an up-to-date check costs one `node` start.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function upToDate() {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(root, 'dist/build-info.json'), 'utf8'));
  } catch {
    return false; // never built, or an older build without its stamp
  }
  return Object.entries(stamp.inputs).every(([file, [size, mtimeMs]]) => {
    try {
      const info = statSync(join(root, file));
      return info.size === size && info.mtimeMs === mtimeMs;
    } catch {
      return false; // a source was removed or renamed
    }
  });
}

if (!upToDate()) {
  process.stderr.write('briefing: sources changed since dist/ was built; rebuilding…\n');
  const build = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/build-cli.ts')], { cwd: root, stdio: 'inherit' });
  process.exitCode = build.status ?? 1;
}
