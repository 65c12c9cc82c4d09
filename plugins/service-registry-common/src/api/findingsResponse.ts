import { RegistryFinding } from '../model/types';

/**
 * A validation finding as the backend serves it: the finding plus what a reader needs to act on
 * it.
 *
 * @public
 */
export interface RegistryFindingItem extends RegistryFinding {
  /** Owner of the service concerned, when there is one. */
  owner?: string;
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
