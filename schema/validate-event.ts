/**
 * The Event JSON v1 schema as a ready validator (tests, and the render stage reading an event
 * document it did not make). Its dates, spans, qualifiers and categories are Extraction JSON's.
 */
import Ajv from 'ajv';
import schema from './event.v1.schema.json' with { type: 'json' };
import { extractionSchema, readableErrors } from './validate';

const validate = new Ajv({ allErrors: true, strict: true }).addSchema(extractionSchema).compile(schema);

export { schema as eventSchema };

/** Problems with `value` as Event JSON v1, one readable line each; empty when valid. */
export function eventErrors(value: unknown): string[] {
  return validate(value) ? [] : readableErrors(validate.errors);
}
