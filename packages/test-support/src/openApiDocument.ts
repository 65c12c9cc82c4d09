import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import { parse } from 'yaml';

/** One operation of an OpenAPI document, as the contract tests read it. */
export interface OpenApiOperation {
  parameters?: Array<{ name: string; in: 'path' | 'query'; required: boolean }>;
  responses: Record<string, unknown>;
  /** The backend module that serves the operation, when it is not the plugin itself. */
  'x-service-registry-module'?: string;
  [key: string]: unknown;
}

/** An OpenAPI 3.1 document, as the contract tests read it. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, object> };
  [key: string]: unknown;
}

/**
 * An OpenAPI description (such as the service-registry backend's `src/schema/openapi.yaml`), its
 * text and as parsed.
 *
 * @param file - the description's path
 */
export function readOpenApiDocument(file: string): {
  text: string;
  document: OpenApiDocument;
} {
  const text = fs.readFileSync(file, 'utf8');
  return { text, document: parse(text) as OpenApiDocument };
}

/** The operation of an express route (`GET /impact/:service`) in an OpenAPI document. */
export function openApiOperation(
  document: OpenApiDocument,
  route: string,
): OpenApiOperation {
  const [method, expressPath] = route.split(' ');
  const operation =
    document.paths[expressPath.replace(/:([A-Za-z]+)/g, '{$1}')]?.[
      method.toLowerCase()
    ];
  if (!operation) throw new Error(`the description has no ${route}`);
  return operation;
}

/**
 * The express routes (`GET /impact/:service`) of an OpenAPI document's operations, sorted; with
 * `module`, those a backend module serves (`x-service-registry-module`), else the plugin's own.
 */
export function openApiRoutes(
  document: OpenApiDocument,
  module?: string,
): string[] {
  return Object.entries(document.paths)
    .flatMap(([openApiPath, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op['x-service-registry-module'] === module)
        .map(
          ([method]) =>
            `${method.toUpperCase()} ${openApiPath.replace(
              /\{([A-Za-z]+)\}/g,
              ':$1',
            )}`,
        ),
    )
    .sort();
}

/**
 * Checks a JSON answer against a schema of an OpenAPI document (one that may refer to the
 * document's component schemas, `#/components/schemas/<Name>`): the problems found, each with
 * where in the answer, or none.
 */
export function openApiSchemaChecker(
  document: OpenApiDocument,
): (body: unknown, schema: object) => string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi', components: document.components });
  return (body, schema) => {
    const validate = ajv.compile(
      JSON.parse(
        JSON.stringify(schema).replace(
          /"#\/components\//g,
          '"openapi#/components/',
        ),
      ),
    );
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      e =>
        `${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(
          e.params,
        )}`,
    );
  };
}
