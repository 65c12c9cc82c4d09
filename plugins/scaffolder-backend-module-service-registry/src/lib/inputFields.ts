import type { z } from 'zod/v3';
import { SERVICE_ID_PATTERN } from '@service-registry/plugin-service-registry-common';
import {
  DEPENDENCY_DESCRIPTION,
  NOT_BLANK_PATTERN,
  REGISTRY_PATH_DESCRIPTION,
  SEMVER_MESSAGE,
  SEMVER_PATTERN,
  SERVICE_ID_MESSAGE,
  SERVICE_REF_MESSAGE,
  SERVICE_REF_PATTERN,
  STATUS_VALUES,
  TIER_VALUES,
  TYPE_PATTERN,
} from './schemas';

/*
 * Input fields that several actions share, as the schema builders `createTemplateAction` takes:
 * each gets the zod instance the scaffolder hands over. Fields whose description depends on the
 * action take it first. Actions import them as a namespace: `port: field.port`.
 *
 * The scaffolder's runner does not run these zod schemas: it checks a step's input against the JSON
 * Schema generated from them, and the conversion drops `.refine()` and other custom checks. So
 * every check here is one JSON Schema keeps (`pattern`, `minimum`, `enum`, `format`, ...); what a
 * pattern cannot say (that 2027-02-30 is no day) the handlers check again before touching a file
 * (`assertCalendarDate`, `assertSemver`, `requireOwnerName`). `inputSchemas.test.ts` sends inputs
 * through that JSON Schema for every action.
 *
 * Their types are inferred from zod's, so the package depends on zod with the same range as
 * `@backstage/plugin-scaffolder-node` (one copy for both): with the scaffolder's copy alone the
 * declarations of these exports could not name their types (TS2742).
 */

/** The zod namespace the scaffolder passes to schema builders. */
type Zod = typeof z;

/** `registryPath`: the registry checkout in the workspace. */
export const registryPath = (zod: Zod) =>
  zod.string({ description: REGISTRY_PATH_DESCRIPTION }).optional();

/** `id`: a service id. */
export const serviceId = (description: string) => (zod: Zod) =>
  zod.string({ description }).regex(SERVICE_ID_PATTERN, SERVICE_ID_MESSAGE);

/**
 * A service where one is expected (`id` of deprecate and update, `replacementService`): a service
 * id, or the catalog ref of its Component, which the action looks up in the catalog (the registry
 * id is the entity's `service-registry.io/service-id` annotation, else its name).
 */
export const serviceRef = (description: string) => (zod: Zod) =>
  zod
    .string({
      description: `${description}: its registry id, or the catalog ref of its Component (\`component:default/<name>\`, as an entity picker gives it), read as the registry id of the entity's annotation service-registry.io/service-id`,
    })
    .regex(SERVICE_REF_PATTERN, SERVICE_REF_MESSAGE);

/** `type`: the kind of service, a lowercase word. */
export const serviceType = (description: string) => (zod: Zod) =>
  zod
    .string({ description })
    .regex(TYPE_PATTERN, 'must be a lowercase word, e.g. api')
    .optional();

/** `owner`: the owning team, as written in the registry or as a catalog group ref. */
export const owner = (description: string) => (zod: Zod) =>
  zod
    .string({ description })
    .regex(NOT_BLANK_PATTERN, 'must name a team, e.g. platform-team')
    .optional();

/** `version`: a semantic version. */
export const version = (description: string) => (zod: Zod) =>
  zod
    .string({ description })
    .max(256)
    .regex(SEMVER_PATTERN, SEMVER_MESSAGE)
    .optional();

/** A text input that must hold more than white space (required; add `.optional()`). */
export const text = (description: string) => (zod: Zod) =>
  zod
    .string({ description })
    .regex(NOT_BLANK_PATTERN, 'must not be empty or only white space');

/** `status`: a lifecycle status of the registry. */
export const status = (description: string) => (zod: Zod) =>
  zod.enum(STATUS_VALUES, { description }).optional();

/** `tier`: a tier of the registry. */
export const tier = (description: string) => (zod: Zod) =>
  zod.enum(TIER_VALUES, { description }).optional();

/** `port`: 1 to 65535. */
export const port = (zod: Zod) =>
  zod
    .number({ description: 'Port the service listens on, 1 to 65535' })
    .int()
    .min(1)
    .max(65535)
    .optional();

/** `tags`. */
export const tags = (zod: Zod) =>
  zod.array(zod.string(), { description: 'Tags' }).optional();

/** `repository`: the source repository URL. */
export const repository = (zod: Zod) =>
  zod.string({ description: 'Source repository URL' }).url().optional();

/** `dependencies`: `requires` and `optional` lists of service entries. */
export const dependencies = (description: string) => (zod: Zod) =>
  zod
    .object(
      {
        requires: zod
          .array(zod.string())
          .optional()
          .describe(`Required ${DEPENDENCY_DESCRIPTION}`),
        optional: zod
          .array(zod.string())
          .optional()
          .describe(`Optional ${DEPENDENCY_DESCRIPTION}`),
      },
      { description },
    )
    .optional();
