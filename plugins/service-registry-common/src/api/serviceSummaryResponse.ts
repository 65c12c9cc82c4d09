import { ServiceSummaryRelease } from './releaseHistory';
import { ServiceConsumers } from '../graph/types';
import { BreakingChangeNotice } from '../model/breakingChangeNotice';
import { RegistryService, ServiceStatus } from '../model/types';
import { ServiceAlertRoutes } from '../monitoring/alertRoutes';

/**
 * One dependency of a service, as its project sees the provider.
 *
 * @public
 */
export interface ServiceSummaryDependency {
  /** Id of the provider. */
  service: string;
  /** True for `dependencies.optional`. */
  optional: boolean;
  /** The semver range the service asks for, when it gives one. */
  range?: string;
  /** The entry as written (`"shared-auth@^1.0"`, or an inline table rendered as TOML). */
  raw: string;
  /** False when no service of that id is declared in the registry. */
  declared: boolean;
  /** The provider's display name (the id when not declared). */
  name: string;
  /** The provider's version, as the service's project sees it (its override, if any). */
  version?: string;
  /** The provider's lifecycle status, as the service's project sees it. */
  status?: ServiceStatus;
  /** The provider's sunset date, `YYYY-MM-DD`, when it has one. */
  sunsetDate?: string;
  /** The provider's project; undefined for a global service. */
  project?: string;
  /** True when the provider belongs to another project than the service (globals included). */
  crossProject: boolean;
  /**
   * Whether the provider serves `range`: `version` satisfies it, or a `compat_with` entry of the
   * provider lies in it (as `dependency/version-unsatisfied` reads it); undefined when the version
   * or the range is missing or the range is invalid.
   */
  satisfied?: boolean;
  /**
   * Set when `version` is outside `range` but the provider stays compatible with it: the
   * `compat_with` entries that lie in the range (`["1.x"]` for `^1.0` with the provider at 2.1.0).
   */
  satisfiedByCompatWith?: string[];
}

/**
 * The registry facts of a service a service page shows at a glance.
 *
 * @public
 */
export type ServiceSummaryFacts = Pick<
  RegistryService,
  | 'id'
  | 'name'
  | 'description'
  | 'type'
  | 'owner'
  | 'effectiveOwner'
  | 'version'
  | 'status'
  | 'tier'
  | 'effectiveTier'
  | 'port'
  | 'project'
  | 'tags'
  | 'repository'
  | 'compatVersionMin'
  | 'deprecationDate'
  | 'sunsetDate'
  | 'replacementService'
  | 'overriddenBy'
> & {
  /** The project's display name, for a project service. */
  projectName?: string;
  /** With `replacementService`: whether the registry declares the replacement. */
  replacementDeclared?: boolean;
  /**
   * With `replacementService` declared: the replacement's lifecycle status, as its declaration says
   * it (the status the catalog follows: a `retired` replacement has no catalog page, so a reader
   * writes it as text). Absent when the replacement is not declared or declares no status.
   */
  replacementStatus?: ServiceStatus;
  /**
   * The notice its consumers get before a breaking change (see `breakingChangeNoticeOf`): its
   * `governance.break_changes_notice`, else for a beta service the policies' or the lifecycle's.
   * Absent when it owes none.
   */
  breakingChangeNotice?: BreakingChangeNotice;
};

/**
 * Body of `GET /api/service-registry/services/:service/summary`: what the registry declares
 * for one service, its dependencies checked against what each provider is, who consumes it, and
 * how many findings it has. Unlike `GET /services/:service` it holds no table as written, so it
 * never carries a value the registry should not have (a secret a finding reports).
 *
 * @public
 */
export interface ServiceSummaryResponse {
  /** The registry (catalog provider) id. */
  registry: string;
  /** The service's facts. */
  service: ServiceSummaryFacts;
  /** Where the service is declared. */
  source: {
    /** File relative to the registry root. */
    file: string;
    /** 1-based line of the service's header. */
    line: number;
    /** The line's page, for a registry read from a URL (see `findingLink`). */
    url?: string;
  };
  /** Required dependencies first, then optional ones, each in declaration order. */
  dependencies: ServiceSummaryDependency[];
  /** The services and projects that depend on it, from the dependency graph. */
  consumers: ServiceConsumers;
  /** How many findings the registry's validation has about the service, by severity. */
  findings: { errors: number; warnings: number; infos: number };
  /**
   * Where the projects' `monitoring.toml` files send the service's alerts, one entry per project
   * that routes some (credentials in a route hidden). Absent from a backend older than this field.
   */
  alerts?: ServiceAlertRoutes[];
  /**
   * The release history of `services/versions.toml`, newest version first (see
   * `releaseHistoryOf`); empty when it has none. Absent from a backend older than this field.
   */
  releases?: ServiceSummaryRelease[];
}
