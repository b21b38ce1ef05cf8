import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** One documented answer of an OpenAPI document: its media type and schema, if it has a body. */
export type DocumentedAnswer = { content?: Record<string, { schema: Record<string, unknown> }>; headers?: Record<string, unknown> };
export type OpenApiPaths = Record<string, { get: { responses: Record<string, DocumentedAnswer> } }>;

const BASE = 'https://claimline.test/openapi.json';

/**
 * Validates values against schemas of an OpenAPI 3.1 document the way a strict client does:
 * ajv with JSON Schema 2020-12, strict mode and the formats (date-time, uri); the document's
 * components resolve as they do inside the document. Returns ajv's errors, [] when valid.
 */
export function openApiValidator(doc: { components: unknown }) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addKeyword('components');
  ajv.addSchema({ $id: BASE, components: doc.components });
  const compiled = new Map<string, ValidateFunction>();
  return (schema: Record<string, unknown>, value: unknown) => {
    const ref = typeof schema.$ref === 'string' ? schema.$ref : undefined;
    const key = ref ?? JSON.stringify(schema);
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(ref ? { $ref: `${BASE}${ref}` } : schema);
      compiled.set(key, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []);
  };
}
