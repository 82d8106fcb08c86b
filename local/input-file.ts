/**
 * Reading an article file from the local disk, for the command line and the batch threads alike.
 * A missing, unreadable or oversized file is bad input (exit 3) with a reason that says which;
 * an oversized file is refused from its size alone, and a PDF, Word or OpenDocument file from
 * its name, before their bytes are read into memory. Files are read synchronously: a command
 * reads one before it can do anything else (a batch thread too), and each asynchronous call went
 * through libuv's thread pool, which the first one starts, while the process waited idle.
 */
import { readFileSync, statSync } from 'node:fs';
import { IntakeError } from '../lambdas/core/errors';
import { tooLargeError } from '../lambdas/intake/sniff';
import { documentRefusalByName } from '../lambdas/intake/documents';

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
    const info = statSync(file);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    size = info.size;
  } catch (error) {
    throw unreadable(error);
  }
  const document = documentRefusalByName(file);
  if (document) throw document;
  if (size > maxBytes) throw tooLargeError(size, maxBytes);
  try {
    return readFileSync(file);
  } catch (error) {
    throw unreadable(error);
  }
}
