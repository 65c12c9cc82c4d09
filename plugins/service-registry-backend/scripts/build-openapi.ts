/*
 * Writes src/schema/openapi.yaml, the OpenAPI description of the plugin's HTTP API, from the zod
 * schemas of its requests and the TypeScript types of its answers. `yarn build:openapi` runs it;
 * `src/schema/openapi.test.ts` fails while the file is not what this writes.
 */
import fs from 'node:fs';
import { OPENAPI_FILE, writeOpenApiSpec } from './openapi/writeOpenApiSpec';

fs.writeFileSync(OPENAPI_FILE, writeOpenApiSpec());
process.stdout.write(`wrote ${OPENAPI_FILE}\n`);
