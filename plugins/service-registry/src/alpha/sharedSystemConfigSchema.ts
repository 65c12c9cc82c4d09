import { z } from 'zod';
import { ENTITY_NAME_PATTERN } from '@service-registry/plugin-service-registry-common';

const EXPECTED =
  "Expected the name of the System of the global services, a catalog entity name (letters and digits joined by '-', '_' or '.', at most 63 characters)";

/**
 * The schema of the project card's `sharedSystem` config: optional, else a catalog entity name
 * (letters and digits joined by `-`, `_` or `.`, at most 63 characters), as the catalog
 * provider's `sharedSystem` option is. The app validates the extension's config with it and
 * merges its JSON Schema (with the pattern) into its config schema.
 */
export const sharedSystemConfigSchema = z
  .string({ error: EXPECTED })
  .max(63, { error: EXPECTED })
  .regex(ENTITY_NAME_PATTERN, { error: EXPECTED })
  .optional();
