/**
 * The Extraction JSON v1 schema as a ready validator, for tests and for any stage that wants
 * to check a document it did not produce itself (e.g. `render` given an extraction.json).
 */
import Ajv, { type ErrorObject } from 'ajv';
import document from './extraction.v1.schema.json' with { type: 'json' };
import { CATEGORY_IDS } from '../lambdas/contract/categories';

/** The schema with its category enum taken from the one table (the file on disk is its printed copy). */
const schema = {
  ...document,
  definitions: {
    ...document.definitions,
    figure: {
      ...document.definitions.figure,
      properties: { ...document.definitions.figure.properties, category: { enum: [...CATEGORY_IDS] } },
    },
  },
};

const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

export { schema as extractionSchema };

/** Problems with `value` as Extraction JSON v1, one readable line each; empty when valid. */
export function extractionErrors(value: unknown): string[] {
  return validate(value) ? [] : readableErrors(validate.errors);
}

/** Ajv's errors as one line each: where, what, and the unexpected property's name. */
export const readableErrors = (errors: ErrorObject[] | null | undefined): string[] =>
  (errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}${
    error.params && 'additionalProperty' in error.params ? ` (${String(error.params.additionalProperty)})` : ''
  }`);
