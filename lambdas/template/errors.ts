import { BriefingError } from '../core/errors';

/** A template that cannot be used: `<file>:<line>: <reason>`, permanent (the same file fails again). */
export function templateError(file: string, line: number | null, reason: string, cause?: unknown): BriefingError {
  const where = line === null ? '' : `line ${line}: `;
  return new BriefingError('template', 'template_invalid', `${where}${reason}`, {
    permanent: true,
    cause,
    context: { file, line },
  });
}
