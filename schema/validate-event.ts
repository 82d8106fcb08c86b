/**
 * The Event JSON v1 schema as a ready validator (tests, and the render stage reading an event
 * document it did not make). Its dates, spans, qualifiers and categories are Extraction JSON's.
 */
import Ajv from 'ajv';
import extraction from './extraction.v1.schema.json' with { type: 'json' };
import schema from './event.v1.schema.json' with { type: 'json' };

const validate = new Ajv({ allErrors: true, strict: true }).addSchema(extraction).compile(schema);

export { schema as eventSchema };

/** Problems with `value` as Event JSON v1, one readable line each; empty when valid. */
export function eventErrors(value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}${
    error.params && 'additionalProperty' in error.params ? ` (${String(error.params.additionalProperty)})` : ''
  }`);
}
