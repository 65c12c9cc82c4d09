import { RegistryFinding, ServiceStatus } from '../model/types';

/**
 * A validation finding as the backend serves it: the finding plus what a reader needs to act on
 * it.
 *
 * @public
 */
export interface RegistryFindingItem extends RegistryFinding {
  /**
   * Owner of the service concerned, when there is one: the service's own, or else its
   * project's, as written.
   */
  owner?: string;
  /**
   * With `service`: whether a registry file declares that service. False for a service the
   * finding names but no file declares (e.g. `registry/unknown-service`), which has no catalog
   * page either. Absent when the finding names no service (and in answers of backends older than
   * this field, where a reader should take the service as declared).
   */
  serviceDeclared?: boolean;
  /**
   * Lifecycle status of the service concerned, as its declaration says it (the status the catalog
   * follows: a `retired` service has no catalog page, so a reader writes it as text). Absent when
   * the finding names no service, when the service is not declared or declares no status.
   */
  serviceStatus?: ServiceStatus;
  /**
   * Where the finding's line can be opened in a browser (the registry's SCM page with a line
   * anchor), when the registry is read from a URL; absent for a local directory.
   */
  url?: string;
}

/**
 * Body of `GET /api/service-registry/findings`.
 *
 * @public
 */
export interface FindingsResponse {
  /** The registry (provider id). */
  registry: string;
  /** Outcome of the provider's last run: `degraded` when a file kept its last good version. */
  state: 'ok' | 'degraded' | 'blocked';
  /** One-line summary of the provider's last run. */
  summary: string;
  /** Time of the ingestion the answer comes from. */
  updatedAt: string;
  /** Location reference of the registry root (`file:…` or `url:…`). */
  rootLocation: string;
  /** The findings after the filters, errors first. */
  items: RegistryFindingItem[];
}
