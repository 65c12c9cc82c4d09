import { z } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { EndpointDescription, TAGS } from './endpoints';
import { componentRef, JsonSchema } from './responseSchemas';

/** What {@link buildOpenApiSpec} writes the document from. */
export interface OpenApiSpecSource {
  /** The API's version (`info.version`). */
  version: string;
  /** The endpoints, in the order the document lists them. */
  endpoints: ReadonlyArray<EndpointDescription>;
  /** The response types' schemas by name (`responseSchemas`), every one they refer to included. */
  schemas: Record<string, JsonSchema>;
}

/** The body of every error answer: what Backstage's error handler sends. */
const ERROR_BODY: JsonSchema = {
  type: 'object',
  description:
    "Backstage's error answer (`ErrorResponseBody` of `@backstage/errors`): `error.message` says what is wrong and how to fix it.",
  properties: {
    error: {
      type: 'object',
      properties: {
        name: {
          type: 'string',
          description: '`InputError`, `NotFoundError`, …',
        },
        message: { type: 'string' },
      },
      required: ['name', 'message'],
    },
    request: {
      type: 'object',
      properties: { method: { type: 'string' }, url: { type: 'string' } },
      required: ['method', 'url'],
    },
    response: {
      type: 'object',
      properties: { statusCode: { type: 'integer' } },
      required: ['statusCode'],
    },
  },
  required: ['error', 'response'],
};

const responseRef = (name: string) => `#/components/responses/${name}`;

const errorAnswer = (description: string) => ({
  description,
  content: {
    'application/json': { schema: { $ref: componentRef('ErrorResponseBody') } },
  },
});

/** `/impact/:service` as OpenAPI writes a path: `/impact/{service}`. */
function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z]+)/g, '{$1}');
}

/** The JSON Schema of what a request may hold, as the zod schema checks it (before its transforms). */
function inputSchema(schema: z.ZodTypeAny): {
  properties: Record<string, JsonSchema>;
  required: string[];
} {
  const json = zodToJsonSchema(schema, {
    target: 'jsonSchema2019-09',
    effectStrategy: 'input',
    pipeStrategy: 'input',
    $refStrategy: 'none',
  }) as JsonSchema;
  return {
    properties: (json.properties ?? {}) as Record<string, JsonSchema>,
    required: (json.required ?? []) as string[],
  };
}

function parameters(
  location: 'path' | 'query',
  schema: z.ZodTypeAny | undefined,
) {
  if (!schema) return [];
  const { properties, required } = inputSchema(schema);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: location,
      required: location === 'path' || required.includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

function operation(endpoint: EndpointDescription) {
  const { response } = endpoint;
  let schema: JsonSchema;
  if ('type' in response) schema = { $ref: componentRef(response.type) };
  else if ('arrayOf' in response) {
    schema = { type: 'array', items: { $ref: componentRef(response.arrayOf) } };
  } else schema = response.schema;
  const params = [
    ...parameters('path', endpoint.params),
    ...parameters('query', endpoint.query),
  ];
  // an endpoint that reads a registry takes `registry`, and may not find it (404) or not yet (503)
  const takesRegistry = params.some(p => p.name === 'registry');
  return {
    ...(endpoint.module
      ? { 'x-service-registry-module': endpoint.module }
      : {}),
    tags: [endpoint.tag],
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    description: endpoint.description,
    ...(params.length > 0 ? { parameters: params } : {}),
    responses: {
      [String(endpoint.status ?? 200)]: {
        description: endpoint.summary,
        ...(endpoint.etag
          ? {
              headers: {
                ETag: {
                  description:
                    'The answer is serialised once per registry snapshot: send it back in `If-None-Match`.',
                  schema: { type: 'string' },
                },
              },
            }
          : {}),
        content: {
          'application/json': { schema },
          ...(endpoint.yaml
            ? {
                'application/yaml': {
                  schema: {
                    type: 'string',
                    description: 'The documents as multi-document YAML.',
                  },
                },
              }
            : {}),
        },
      },
      ...(endpoint.etag
        ? {
            '304': {
              description:
                'The answer has not changed since the ETag given in `If-None-Match`.',
            },
          }
        : {}),
      '400': { $ref: responseRef('BadRequest') },
      '401': { $ref: responseRef('Unauthorized') },
      '403': { $ref: responseRef('Forbidden') },
      ...(takesRegistry
        ? {
            '404': errorAnswer(
              endpoint.notFound
                ? `${endpoint.notFound} Or the registry asked for is not configured (the message names those there are).`
                : 'The registry asked for is not configured (the message names those there are).',
            ),
            '503': { $ref: responseRef('RegistryNotReady') },
          }
        : {}),
      ...Object.fromEntries(
        Object.entries(endpoint.otherAnswers ?? {}).map(([status, when]) => [
          status,
          errorAnswer(when),
        ]),
      ),
    },
  };
}

/** The endpoints by path, each with its operations by method, in the endpoints' order. */
function pathItems(endpoints: ReadonlyArray<EndpointDescription>) {
  const items: Record<
    string,
    Record<string, ReturnType<typeof operation>>
  > = {};
  for (const endpoint of endpoints) {
    const item = (items[openApiPath(endpoint.path)] ??= {});
    item[endpoint.method ?? 'get'] = operation(endpoint);
  }
  return items;
}

/**
 * The OpenAPI 3.1 description of the service-registry backend's HTTP API: its paths and
 * parameters from the zod schemas `createRouter` checks requests with, its answers from the
 * TypeScript types of the common package.
 */
export function buildOpenApiSpec(source: OpenApiSpecSource) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'service-registry',
      version: source.version,
      description:
        "The service registry's HTTP API for the portal's UI, answered from the last good registry snapshot the catalog provider published. Every endpoint requires a Backstage user or service token and the `service-registry.registry.read` permission. No answer holds a value of the registry that looks like a credential: it reads `(hidden: <kind>)`.",
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [
      {
        url: '/api/service-registry',
        description: "The plugin's path on the portal's backend.",
      },
    ],
    security: [{ backstageToken: [] }],
    tags: Object.entries(TAGS).map(([name, description]) => ({
      name,
      description,
    })),
    paths: pathItems(source.endpoints),
    components: {
      securitySchemes: {
        backstageToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'A Backstage user token, or a service token of another plugin.',
        },
      },
      responses: {
        BadRequest: errorAnswer(
          'A parameter is malformed, repeated or unknown: the message names it and what to give.',
        ),
        Unauthorized: errorAnswer('No user or service token.'),
        Forbidden: errorAnswer(
          'The permission policy denies `service-registry.registry.read`.',
        ),
        RegistryNotReady: errorAnswer(
          'The registry asked for is configured but not ingested yet since this backend started: try again.',
        ),
      },
      schemas: { ErrorResponseBody: ERROR_BODY, ...source.schemas },
    },
  };
}
