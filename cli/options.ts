/**
 * Option parsers shared by commands. Commander turns an InvalidArgumentError into its usage
 * error, so a bad value exits 2 with one line before any file is read.
 */
import { InvalidArgumentError } from 'commander';
import { isIsoDate } from '../lambdas/core/dates';

/** `--published`: a real calendar date written YYYY-MM-DD. */
export function parsePublished(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('expected a real date written YYYY-MM-DD, e.g. 2019-06-29.');
  return value;
}

/** `--max-bytes`: a positive whole number of bytes. */
export function parseMaxBytes(value: string): number {
  const bytes = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(bytes) || bytes < 1) {
    throw new InvalidArgumentError('expected a positive whole number of bytes, e.g. 10485760.');
  }
  return bytes;
}

/** A positive number (seconds, a rate); `what` completes the message, e.g. " of seconds, e.g. 120". */
export const parsePositive = (what = '') => (value: string): number => {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError(`expected a positive number${what}.`);
  return number;
};
