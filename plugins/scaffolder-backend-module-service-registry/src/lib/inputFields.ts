import type { z } from 'zod/v3';
import { SERVICE_ID_PATTERN } from '@service-registry/plugin-service-registry-common';
import {
  DEPENDENCY_DESCRIPTION,
  isSemver,
  REGISTRY_PATH_DESCRIPTION,
  SERVICE_ID_MESSAGE,
  STATUS_VALUES,
  TIER_VALUES,
  TYPE_PATTERN,
} from './schemas';

/*
 * Input fields that several actions share, as the schema builders `createTemplateAction` takes:
 * each gets the zod instance the scaffolder hands over. Fields whose description depends on the
 * action take it first. Actions import them as a namespace: `port: field.port`.
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

/** `type`: the kind of service, a lowercase word. */
export const serviceType = (description: string) => (zod: Zod) =>
  zod
    .string({ description })
    .regex(TYPE_PATTERN, 'must be a lowercase word, e.g. api')
    .optional();

/** `owner`: the owning team, as written in the registry or as a catalog group ref. */
export const owner = (description: string) => (zod: Zod) =>
  zod.string({ description }).min(1).optional();

/** `version`: a semantic version. */
export const version = (description: string) => (zod: Zod) =>
  zod
    .string({ description })
    .refine(isSemver, { message: 'must be a semantic version such as 1.4.0' })
    .optional();

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
