import { IntakeError } from '../core/errors';
import type { Article, IntakeOptions } from './types';

/** Placeholder until issue 3 lands: bytes + name → Article. */
export function readArticle(_bytes: Uint8Array, options: IntakeOptions): Article {
  throw new IntakeError('not_implemented', `${options.name}: intake is not implemented yet`);
}
