import path from 'node:path';
import { stringify } from 'yaml';
import { buildOpenApiSpec } from './buildOpenApiSpec';
import { ENDPOINTS } from './endpoints';
import { responseSchemas } from './responseSchemas';

const PACKAGE_DIR = path.resolve(__dirname, '../..');
const REPO_DIR = path.resolve(PACKAGE_DIR, '../..');

/** Where the OpenAPI description is kept (and shipped in the package). */
export const OPENAPI_FILE = path.join(PACKAGE_DIR, 'src/schema/openapi.yaml');

/**
 * The API's version (`info.version`): not the package's, which every release moves. A change that
 * breaks callers (an endpoint or a field removed, a parameter made stricter) raises it.
 */
const API_VERSION = '1';

/** The names of the types the endpoints answer with. */
export function responseTypeNames(): string[] {
  return ENDPOINTS.flatMap(({ response }) => {
    if ('type' in response) return [response.type];
    if ('arrayOf' in response) return [response.arrayOf];
    return [];
  });
}

/** The OpenAPI document of the plugin's API, as an object. */
export function openApiSpec() {
  return buildOpenApiSpec({
    version: API_VERSION,
    endpoints: ENDPOINTS,
    schemas: responseSchemas(
      path.join(REPO_DIR, 'plugins/service-registry-common/src/index.ts'),
      path.join(REPO_DIR, 'tsconfig.json'),
      responseTypeNames(),
    ),
  });
}

/** The text of `src/schema/openapi.yaml`. */
export function writeOpenApiSpec(): string {
  return `# Written by \`yarn build:openapi\` (scripts/build-openapi.ts) from the zod schemas of the\n# requests and the TypeScript types of the answers: do not edit.\n${stringify(
    openApiSpec(),
    { lineWidth: 0 },
  )}`;
}
