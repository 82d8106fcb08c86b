/**
 * The local S3 store after a crash. s3rver keeps each object as three files: the bytes
 * (`<key>._S3rver_object`), their MD5 (`….md5`) and the metadata (`<key>._S3rver_metadata.json`),
 * written in that order, and answers a PUT only once the metadata is written. A process killed
 * in the middle (`kill -9`, a power cut) can leave an object whose metadata is missing or cut
 * short; s3rver then answers 500 for it, and `npm start`, whose first act is to read every upload
 * and output (the reconcile pass), could not start again at all.
 *
 * Before s3rver opens the store, each such object is moved aside, its files intact, under
 * `damaged/<time>/<bucket>/<key>` beside the store, and reported. Nothing acknowledged is lost:
 * its write was never answered. What it stood for is redone by the reconcile pass (a damaged
 * output means its article is unfinished) or by the uploader, who was told the upload failed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, type Dirent } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

const OBJECT = '._S3rver_object';
const MD5 = '._S3rver_object.md5';
const METADATA = '._S3rver_metadata.json';

export interface DamagedObject {
  readonly bucket: string;
  readonly key: string;
  /** Why it was moved aside, in a few words. */
  readonly reason: string;
  /** Where its files are now. */
  readonly movedTo: string;
}

/** Why the object whose bytes are at `objectPath` cannot be served, or null when it can. */
function damageOf(objectPath: string): string | null {
  const base = objectPath.slice(0, -OBJECT.length);
  if (!existsSync(base + METADATA)) return 'it has no metadata';
  try {
    JSON.parse(readFileSync(base + METADATA, 'utf8'));
  } catch {
    return 'its metadata was cut short';
  }
  // The MD5 is written before the metadata, so it is whole when the metadata is; checked all the same.
  if (existsSync(base + MD5) && !/^[0-9a-f]{32}$/.test(readFileSync(base + MD5, 'utf8'))) return 'its checksum was cut short';
  return null;
}

function* objectFiles(dir: string): Generator<string> {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* objectFiles(path);
    else if (entry.name.endsWith(OBJECT)) yield path;
  }
}

/**
 * Moves every damaged object of the store at `storeDir` (one folder per bucket) into
 * `quarantineDir/<now>/`, and says which. A store that does not exist yet has none.
 */
export function repairStore(storeDir: string, quarantineDir: string, now = new Date()): DamagedObject[] {
  const damaged: DamagedObject[] = [];
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (const objectPath of objectFiles(storeDir)) {
    const reason = damageOf(objectPath);
    if (reason === null) continue;
    const [bucket, ...rest] = relative(storeDir, objectPath).split(sep);
    if (!bucket || rest.length === 0) continue;
    const base = objectPath.slice(0, -OBJECT.length);
    const target = join(quarantineDir, stamp, relative(storeDir, base));
    mkdirSync(dirname(target), { recursive: true });
    for (const suffix of [OBJECT, MD5, METADATA]) {
      if (existsSync(base + suffix)) renameSync(base + suffix, target + suffix);
    }
    damaged.push({ bucket, key: rest.join('/').slice(0, -OBJECT.length), reason, movedTo: target + OBJECT });
  }
  return damaged;
}
