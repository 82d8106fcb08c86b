/**
 * Where a command's PDF goes (`-o` a file, or a folder that gets `<name>.pdf`) and writing it,
 * synchronously: the command has nothing else to do meanwhile (see local/input-file.ts).
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BriefingError } from '../../lambdas/core/errors';

/** True for an existing folder; anything else (a file, nothing, no access) is written as a file, and writePdf says why not. */
function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `-o` as given, or `<folder>/<name>` when it names an existing folder or ends in a separator. */
export function outputFile(output: string, name: string): string {
  const isFolder = /[\\/]$/.test(output) || isDirectory(output);
  return isFolder ? join(output, name) : output;
}

/** Writes the PDF, making its folder; a failure is not the input's fault (exit 1). */
export function writePdf(out: string, pdf: Uint8Array): void {
  try {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, pdf);
  } catch (error) {
    throw new BriefingError('render', 'write_failed', `cannot write the PDF (${(error as NodeJS.ErrnoException).code ?? String(error)})`, {
      cause: error, permanent: false, context: { file: out },
    });
  }
}
