import { createGenerator } from 'ts-json-schema-generator';

/** A JSON Schema (2020-12, as OpenAPI 3.1 takes it). */
export type JsonSchema = { [key: string]: unknown };

/** What an OpenAPI document refers to a component schema by. */
export const componentRef = (name: string) => `#/components/schemas/${name}`;

/**
 * A TSDoc text as a reader of the API reads it: `{@link Name}` (which the generator spaces out)
 * becomes `` `Name` ``.
 */
function plainText(text: string): string {
  return text
    .replace(
      /\s*\{@link\s+([^}|\s]+)\s*(?:\|\s*([^}]*?)\s*)?\}\s*/g,
      (_, target: string, label?: string) => ` \`${label || target}\` `,
    )
    .replace(/ {2,}/g, ' ')
    .replace(/ ([.,;:)])/g, '$1')
    .trim();
}

/**
 * Rewrites a draft-07 schema of ts-json-schema-generator as OpenAPI 3.1 takes it: references to
 * `#/definitions/` point at the document's component schemas, and a tuple's `items` list becomes
 * `prefixItems`, and descriptions are plain Markdown.
 */
function toOpenApiSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toOpenApiSchema);
  if (value === null || typeof value !== 'object') return value;
  const out: JsonSchema = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'description' && typeof inner === 'string') {
      out.description = plainText(inner);
    } else if (key === '$ref' && typeof inner === 'string') {
      out.$ref = componentRef(inner.replace(/^#\/definitions\//, ''));
    } else if (key === 'items' && Array.isArray(inner)) {
      out.prefixItems = toOpenApiSchema(inner);
    } else if (key === 'additionalItems') {
      out.items = toOpenApiSchema(inner);
    } else {
      out[key] = toOpenApiSchema(inner);
    }
  }
  return out;
}

/**
 * The JSON Schemas of the named types of the common package and of every type they refer to,
 * written from the TypeScript types themselves (TSDoc comments become descriptions), by name,
 * in name order.
 *
 * @param commonIndex - the common package's `src/index.ts`
 * @param tsconfig - the repository's `tsconfig.json`
 * @param names - the types the API answers with
 */
export function responseSchemas(
  commonIndex: string,
  tsconfig: string,
  names: ReadonlyArray<string>,
): Record<string, JsonSchema> {
  const generator = createGenerator({
    path: commonIndex,
    tsconfig,
    type: '*',
    // `yarn tsc` checks the types; the generator only reads them
    skipTypeCheck: true,
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    additionalProperties: false,
    sortProps: false,
  });
  const schemas: Record<string, JsonSchema> = {};
  for (const name of names) {
    const { definitions = {} } = generator.createSchema(name);
    for (const [key, schema] of Object.entries(definitions)) {
      schemas[key] = toOpenApiSchema(schema) as JsonSchema;
    }
  }
  return Object.fromEntries(
    Object.keys(schemas)
      .sort()
      .map(key => [key, schemas[key]]),
  );
}
