/** Where a command's PDF goes (`-o` a file, or a folder that gets `<name>.pdf`) and writing it. */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BriefingError } from '../../lambdas/core/errors';

/** `-o` as given, or `<folder>/<name>` when it names an existing folder or ends in a separator. */
export async function outputFile(output: string, name: string): Promise<string> {
  const isFolder = /[\\/]$/.test(output) || (await stat(output).catch(() => null))?.isDirectory() === true;
  return isFolder ? join(output, name) : output;
}

/** Writes the PDF, making its folder; a failure is not the input's fault (exit 1). */
export async function writePdf(out: string, pdf: Uint8Array): Promise<void> {
  try {
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, pdf);
  } catch (error) {
    throw new BriefingError('render', 'write_failed', `cannot write the PDF (${(error as NodeJS.ErrnoException).code ?? String(error)})`, {
      cause: error, permanent: false, context: { file: out },
    });
  }
}
