import { resolvePackagePath } from '@backstage/backend-plugin-api';
import fs from 'node:fs/promises';
import { parse } from 'yaml';

/** The OpenAPI description of the API, as the package ships it (`src/schema/openapi.yaml`). */
export type OpenApiDocument = Record<string, unknown>;

let loaded: Promise<OpenApiDocument> | undefined;

/**
 * The OpenAPI description of the plugin's API, read from the package once (the file
 * `yarn build:openapi` writes, in the package's `files`), whether the plugin runs from the
 * monorepo's sources or from a built backend.
 */
export function openApiDocument(): Promise<OpenApiDocument> {
  loaded ??= fs
    .readFile(
      resolvePackagePath(
        '@service-registry/plugin-service-registry-backend',
        'src/schema/openapi.yaml',
      ),
      'utf8',
    )
    .then(text => parse(text) as OpenApiDocument)
    .catch(error => {
      // a later request tries again rather than failing for the backend's lifetime
      loaded = undefined;
      throw error;
    });
  return loaded;
}

/**
 * The description as this portal serves it: its `servers` name the plugin's external URL (what
 * `DiscoveryService.getExternalBaseUrl` says), so a tool that reads it calls this portal.
 */
export async function servedOpenApiDocument(
  externalBaseUrl: string,
): Promise<OpenApiDocument> {
  return {
    ...(await openApiDocument()),
    servers: [
      {
        url: externalBaseUrl,
        description: "The plugin's URL on this portal.",
      },
    ],
  };
}
