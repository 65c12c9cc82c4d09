import { z } from 'zod';
import { JsonSchema } from './responseSchemas';
import { graphQuery } from '../../src/service/graphQuery';
import {
  datedQuery,
  deprecationsQuery,
  findingsQuery,
  impactQuery,
  noQuery,
  openSloQuery,
  pendingChangesQuery,
  projectParams,
  registryQuery,
  serviceParams,
  slaQuery,
} from '../../src/service/requestSchemas';

/** The package of the backend module that serves the reminder endpoints. */
export const NOTIFICATIONS_MODULE =
  '@service-registry/plugin-service-registry-backend-module-notifications';

/** The groups of endpoints, in the order a viewer lists them, and what each is about. */
export const TAGS = {
  registries: 'The registries this backend serves, and this description.',
  dependencies: 'The dependency graph and the impact of a service on others.',
  services: 'One service: its registry record and what its page shows.',
  projects: 'One project: what its System page shows.',
  findings: 'The validation findings of the last run.',
  deprecations:
    'Deprecated services, the migration off them, and reminders to their consumers.',
  sla: 'SLA targets against the tier policies, and OpenSLO documents.',
  changes:
    'Pending changes: the branches of the registry repository its default branch does not hold yet.',
};

/** One endpoint of the service-registry backend, as its OpenAPI operation describes it. */
export interface EndpointDescription {
  /** The HTTP method (default `get`). */
  method?: 'get' | 'post';
  /** The path under the plugin's base URL, in express form (`/impact/:service`). */
  path: string;
  /**
   * The backend module that serves it, when the plugin itself does not (the operation says so
   * in `x-service-registry-module`; without the module it is `404`).
   */
  module?: string;
  /** The status of a successful answer (default `200`). */
  status?: 200 | 201;
  /** Answers beside the ones every endpoint has, by status: when they happen. */
  otherAnswers?: Record<string, string>;
  /** The OpenAPI `operationId`. */
  operationId: string;
  /** The group an OpenAPI viewer shows it in: one of {@link TAGS}. */
  tag: keyof typeof TAGS;
  /** One line. */
  summary: string;
  /** What the answer holds and when it is what, in Markdown. */
  description: string;
  /** The path parameters, as `createRouter` checks them. */
  params?: z.AnyZodObject;
  /** The query parameters, as `createRouter` checks them. */
  query: z.ZodTypeAny;
  /**
   * The JSON answer: the name of a response type of the common package, or of one item of a
   * JSON array (`arrayOf`), or a schema of its own.
   */
  response: { type: string } | { arrayOf: string } | { schema: JsonSchema };
  /** Also answers `application/yaml` (OpenSLO documents), chosen by the `format` parameter. */
  yaml?: boolean;
  /** Answers `304` to an `If-None-Match` of the ETag it sent (an answer serialised once per snapshot). */
  etag?: boolean;
  /** When the answer is `404`, beside an unknown registry. */
  notFound?: string;
}

/** Every endpoint `createRouter` serves, in the order of the plugin's README. */
export const ENDPOINTS: EndpointDescription[] = [
  {
    path: '/registries',
    operationId: 'listRegistries',
    tag: 'registries',
    summary: 'The registries this backend serves and their last run',
    description:
      'One item per registry ingested since this backend started: the state of its last run, what the run did, and how many services, projects, errors and warnings it holds.',
    query: noQuery,
    response: { type: 'RegistriesResponse' },
  },
  {
    path: '/graph',
    operationId: 'getGraph',
    tag: 'dependencies',
    summary: 'The dependency graph, or the neighbourhood of one service',
    description:
      'Nodes (with `declared: false` for services something depends on but no file declares), edges (`from` depends on `to`), cycles and projects. With `service`, only the services within `depth` hops of it either way, the edges between them, the cycles through them and their projects: what the service topology card draws.',
    query: graphQuery,
    response: { type: 'RegistryGraph' },
    etag: true,
    notFound: 'The graph holds no service of that id (with `service`).',
  },
  {
    path: '/impact/:service',
    operationId: 'getImpact',
    tag: 'dependencies',
    summary: 'Everything that depends on a service, directly and transitively',
    description:
      'The consumers of the service by depth and project, with the dependency each one reaches it through (`via`).',
    params: serviceParams,
    query: impactQuery,
    response: { type: 'ImpactResponse' },
    notFound: 'Nothing declares the service or depends on it.',
  },
  {
    path: '/findings',
    operationId: 'listFindings',
    tag: 'findings',
    summary: 'The validation findings of the last run',
    description:
      "The run's state and its findings, errors first, including the syntax errors of files kept at their last good version. The filters combine.",
    query: findingsQuery,
    response: { type: 'FindingsResponse' },
    etag: true,
  },
  {
    path: '/services/:service',
    operationId: 'getServiceRecord',
    tag: 'services',
    summary: 'The full registry record of a service',
    description:
      'Typed fields, the merged TOML table as written and key positions, its consumers, its project and its findings.',
    params: serviceParams,
    query: registryQuery,
    response: { type: 'ServiceRecordResponse' },
    notFound:
      'The registry does not declare the service, or the catalog holds it back.',
  },
  {
    path: '/services/:service/summary',
    operationId: 'getServiceSummary',
    tag: 'services',
    summary: "What a service page's registry card shows",
    description:
      "The service's facts, where it is declared, each dependency next to the provider its project sees, its consumers and its findings counted by severity. No table as written.",
    params: serviceParams,
    query: registryQuery,
    response: { type: 'ServiceSummaryResponse' },
    notFound:
      'The registry does not declare the service, or the catalog holds it back.',
  },
  {
    path: '/projects/:project/summary',
    operationId: 'getProjectSummary',
    tag: 'projects',
    summary: "What a project's System page shows",
    description:
      "The project's facts and services, the global services it overrides, its dependencies on other projects and theirs on it, its findings and SLA compliance.",
    params: projectParams,
    query: registryQuery,
    response: { type: 'ProjectSummaryResponse' },
    notFound: 'The registry has no such project.',
  },
  {
    path: '/deprecations',
    operationId: 'listDeprecations',
    tag: 'deprecations',
    summary: 'Deprecated services and the migration off them',
    description:
      'One record per deprecated service (and per retired service that still has consumers), the most urgent first; `counts` by status are over the project and owner filters, before the status filter.',
    query: deprecationsQuery,
    response: { type: 'DeprecationsResponse' },
  },
  {
    path: '/deprecations/:service',
    operationId: 'getDeprecation',
    tag: 'deprecations',
    summary: 'The deprecation record of a service and its burn-down',
    description:
      'The record (also for a retired service with no consumer left) and the migration progress recorded at each ingestion.',
    params: serviceParams,
    query: datedQuery,
    response: { type: 'DeprecationDetailResponse' },
    notFound:
      'The registry does not declare the service, or it is neither deprecated nor retired.',
  },
  {
    path: '/deprecations/:service/history',
    operationId: 'getDeprecationHistory',
    tag: 'deprecations',
    summary: 'The burn-down of a deprecated service',
    description:
      'The consumers it had at each recorded ingestion, oldest first.',
    params: serviceParams,
    query: registryQuery,
    response: { type: 'DeprecationHistoryResponse' },
    notFound: 'The registry does not have the service and it has no history.',
  },
  {
    path: '/services/:service/deprecated-dependencies',
    operationId: 'listDeprecatedDependencies',
    tag: 'deprecations',
    summary: 'The deprecated or retired services a service depends on',
    description:
      "What the consumer's warning banner shows: each deprecated or retired dependency, with `severity` `error` when it is retired or past its sunset.",
    params: serviceParams,
    query: datedQuery,
    response: { type: 'DeprecatedDependenciesResponse' },
    notFound:
      'The registry does not declare the service, or the catalog holds it back.',
  },
  {
    path: '/sla',
    operationId: 'getSlaOverview',
    tag: 'sla',
    summary: 'SLA targets against the tier policies',
    description:
      "Services that are not retired by effective tier, with the tier's policy and each service's compliance and gaps; compliance counts per project and overall.",
    query: slaQuery,
    response: { type: 'SlaOverviewResponse' },
    etag: true,
  },
  {
    path: '/sla/:service',
    operationId: 'getServiceSla',
    tag: 'sla',
    summary: "A service's SLA targets against its tier's policy",
    description:
      "Each target declared next to the tier's policy, with a status and a message for gaps, and the downtime each allows per 30 days.",
    params: serviceParams,
    query: registryQuery,
    response: { type: 'SlaServiceResponse' },
    notFound:
      'The registry does not declare the service, or the catalog holds it back.',
  },
  {
    path: '/openslo',
    operationId: 'getOpenSlo',
    tag: 'sla',
    summary: 'OpenSLO v1 documents of the SLA targets',
    description:
      'The `SLO` documents of every service, or of one (`<id>-availability`, `<id>-latency`, `<id>-error-rate`), as multi-document YAML (default) or a JSON array.',
    query: openSloQuery,
    response: { arrayOf: 'OpenSloDocument' },
    yaml: true,
    etag: true,
    notFound: 'The registry does not declare the service of `service`.',
  },
  {
    path: '/deprecations/:service/reminders',
    module: NOTIFICATIONS_MODULE,
    operationId: 'getReminderStatus',
    tag: 'deprecations',
    summary: "The last reminder of a deprecated service's consumers",
    description:
      'Who was last reminded, when and by whom, and whether a reminder can be sent now (not twice a day, and only while consumers remain). Served by the notifications module (`@service-registry/plugin-service-registry-backend-module-notifications`).',
    params: serviceParams,
    query: registryQuery,
    response: { type: 'ReminderStatusResponse' },
    notFound:
      'The service is not a deprecated or retired service of the registry.',
  },
  {
    method: 'post',
    path: '/deprecations/:service/reminders',
    module: NOTIFICATIONS_MODULE,
    operationId: 'remindConsumers',
    tag: 'deprecations',
    summary: "Reminds the owners of a deprecated service's consumers now",
    description:
      "Sends each owner of a service that still depends on the deprecated service a Backstage notification, once a day. A user's token only (the reminder names who sent it), with `service-registry.registry.read` and `service-registry.deprecation.remind` on the service's Component (so that a policy may let only its owners remind). Takes no body: a JSON body with any field is `400`. Served by the notifications module (`@service-registry/plugin-service-registry-backend-module-notifications`).",
    params: serviceParams,
    query: registryQuery,
    status: 201,
    response: { type: 'ReminderResponse' },
    notFound:
      'The service is not a deprecated or retired service of the registry.',
    otherAnswers: {
      '403':
        "A service token (users only), or the permission policy denies `service-registry.registry.read`, or `service-registry.deprecation.remind` on the service's Component.",
      '409':
        'The consumers cannot be reminded now: none is left, none is in the catalog with an owner, they were reminded today already, or the id is longer than a catalog entity name. The message says which.',
    },
  },
  {
    path: '/pending-changes',
    operationId: 'listPendingChanges',
    tag: 'changes',
    summary: 'The pending changes of the registry, with their impact',
    description:
      "The branches of the registry's repository (`serviceRegistry.pendingChanges.repository`, or `serviceRegistry.pendingChanges.<registry>.repository` when several registries have one) named with its `branchPrefix` (default `service-registry/`, as the scaffolder's templates name theirs), newest first: each compared from where it leaves the default branch, with the services it adds, removes and changes, its breaking changes and what they affect, and how its registry validates. Read from the repository, not from the catalog's snapshot; an answer is reused for `cacheSeconds` (default 60).",
    query: pendingChangesQuery,
    response: { type: 'PendingChangesResponse' },
    otherAnswers: {
      '404':
        'No pending changes are configured for the registry (`serviceRegistry.pendingChanges`), or no such registry.',
      '503':
        "The registry repository cannot be read now (the backend's log says why).",
    },
  },
  {
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    tag: 'registries',
    summary: 'This description of the API',
    description:
      "This OpenAPI document, with `servers` naming the plugin's URL on the portal that serves it.",
    query: noQuery,
    response: {
      schema: {
        type: 'object',
        description: 'An OpenAPI 3.1 document.',
        required: ['openapi', 'info', 'paths'],
      },
    },
  },
];
