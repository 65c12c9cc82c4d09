import {
  DEPRECATION_STATUSES,
  DeprecationStatus,
  isIsoDate,
  SERVICE_TIERS,
  ServiceTier,
} from '@service-registry/plugin-service-registry-common';
import {
  registryIdSchema,
  serviceIdSchema,
} from '@service-registry/plugin-service-registry-node';
import { z } from 'zod';
import { projectIdSchema } from './projectFilter';

/*
 * The path and query parameters of every endpoint of `createRouter`, checked with `parseRequest`
 * (a bad, repeated or unknown parameter is a `400` naming it). The OpenAPI description of the
 * API (`src/schema/openapi.yaml`) is written from these schemas, descriptions included, so the
 * two cannot drift.
 */

/** The `registry` query parameter: absent, the registry is chosen by `chooseRegistrySnapshot`. */
export const registryParam = registryIdSchema
  .removeDefault()
  .optional()
  .describe(
    'The registry: a provider id of `catalog.providers.serviceRegistry`. Absent: `default` when there is one, else the only registry there is.',
  );

const serviceId = serviceIdSchema.describe(
  'A service id as the registry writes it (the key of its `[service.<id>]` table), also one that breaks the id rule.',
);

/** The query of an endpoint that takes nothing but the registry. */
export const registryQuery = z.object({ registry: registryParam }).strict();

/** The query of `GET /registries`: nothing. */
export const noQuery = z.object({}).strict();

/** The path of an endpoint about one service (`:service`). */
export const serviceParams = z.object({ service: serviceId });

/** The path of `GET /projects/:project/summary`. */
export const projectParams = z.object({
  project: projectIdSchema.describe(
    "The project's folder name (`projects/<name>/`), or `:global` for the global services of `services/catalog.toml`.",
  ),
});

/** What `maxDepth` of `/impact/:service` must be, said for every value out of it. */
const MAX_DEPTH_MESSAGE = 'maxDepth must be a whole number from 1 to 1000';

/** The query of `GET /impact/:service`. */
export const impactQuery = z
  .object({
    registry: registryParam,
    includeOptional: z
      .enum(['true', 'false'])
      .default('false')
      .describe('Whether optional dependencies are followed too.'),
    maxDepth: z
      .string()
      .regex(/^[0-9]{1,4}$/, MAX_DEPTH_MESSAGE)
      .transform(Number)
      .pipe(
        z.number().int().min(1, MAX_DEPTH_MESSAGE).max(1000, MAX_DEPTH_MESSAGE),
      )
      .optional()
      .describe(
        'How many hops of consumers to follow, 1 to 1000; the answer says `truncated` when it cut the walk. Absent: no limit.',
      ),
  })
  .strict();

const ownerFilter = z
  .string()
  .max(200)
  .optional()
  .describe(
    "A team: the services it owns (their own owner, or else their project's), with or without a leading `@`.",
  );
const projectFilter = projectIdSchema
  .optional()
  .describe(
    "A project's folder name, or `:global` for the global services of `services/catalog.toml`.",
  );

/** The query of `GET /findings`. */
export const findingsQuery = z
  .object({
    registry: registryParam,
    service: serviceId
      .optional()
      .describe(
        'The findings that name this service (an id the registry does not hold filters every finding out).',
      ),
    project: projectFilter,
    owner: ownerFilter,
    severity: z
      .enum(['error', 'warning', 'info'])
      .optional()
      .describe('The findings of this severity.'),
    file: z
      .string()
      .max(500)
      .optional()
      .describe(
        'The findings of one registry file, by its path from the registry root (`projects/shop/services.toml`).',
      ),
  })
  .strict();

const today = z
  .string()
  // `date()` describes it as `format: date` in the OpenAPI document; isIsoDate is the registry's
  // own reading of a date (the same days)
  .date('today must be a date written YYYY-MM-DD')
  .refine(isIsoDate, 'today must be a date written YYYY-MM-DD')
  .optional()
  .describe(
    'The day lifecycle days are counted from, `YYYY-MM-DD`. Absent: today in UTC.',
  );

/** The query of an endpoint that counts days (`/deprecations/:service`, `/services/:service/deprecated-dependencies`). */
export const datedQuery = z.object({ registry: registryParam, today }).strict();

/** The query of `GET /pending-changes`. */
export const pendingChangesQuery = z
  .object({ registry: registryParam, today })
  .strict();

/** The query of `GET /deprecations`. */
export const deprecationsQuery = z
  .object({
    registry: registryParam,
    today,
    status: z
      .enum(
        DEPRECATION_STATUSES as unknown as [
          DeprecationStatus,
          ...DeprecationStatus[],
        ],
      )
      .optional()
      .describe(
        'The records of this migration status; `counts` still count every status.',
      ),
    project: projectFilter,
    owner: ownerFilter,
  })
  .strict();

/** The query of `GET /sla`. */
export const slaQuery = z
  .object({
    registry: registryParam,
    project: projectFilter,
    tier: z
      .enum(SERVICE_TIERS as unknown as [ServiceTier, ...ServiceTier[]])
      .optional()
      .describe('The services of this effective tier.'),
    owner: ownerFilter,
  })
  .strict();

/** The query of `GET /openslo`. */
export const openSloQuery = z
  .object({
    registry: registryParam,
    format: z
      .enum(['yaml', 'json'])
      .default('yaml')
      .describe(
        'Multi-document YAML (`application/yaml`) or a JSON array of the documents.',
      ),
    service: serviceId
      .optional()
      .describe('The documents of this service only. Absent: every service.'),
    fillFromTierPolicy: z
      .enum(['true', 'false'])
      .default('false')
      .describe(
        "Whether targets a service does not declare are filled from its tier's policy.",
      ),
  })
  .strict();
