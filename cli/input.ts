/**
 * Reading an input file for a command: a missing, unreadable or oversized file is bad input
 * (exit 3) with a reason that says which, and an oversized file is refused from its size
 * alone, before its bytes are read into memory.
 */
import { readFile, stat } from 'node:fs/promises';
import { IntakeError } from '../lambdas/core/errors';
import { tooLargeError } from '../lambdas/intake/sniff';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory, not an article file',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links in the path',
  ENAMETOOLONG: 'file name too long',
};

function unreadable(error: unknown): IntakeError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const reason = REASONS[code] ?? `cannot be read (${code || (error instanceof Error ? error.message : String(error))})`;
  return new IntakeError('unreadable', reason, { cause: error });
}

export async function readInputFile(file: string, maxBytes: number): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    size = info.size;
  } catch (error) {
    throw unreadable(error);
  }
  if (size > maxBytes) throw tooLargeError(size, maxBytes);
  try {
    return await readFile(file);
  } catch (error) {
    throw unreadable(error);
  }
}
