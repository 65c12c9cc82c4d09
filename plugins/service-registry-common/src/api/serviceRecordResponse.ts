import { ServiceConsumers } from '../graph/types';
import {
  RegistryFinding,
  RegistryProject,
  RegistryService,
} from '../model/types';

/**
 * Body of `GET /api/service-registry/services/:service`: the full registry record of a service
 * (a value that looks like a credential reads `(hidden: <kind>)`).
 *
 * @public
 */
export interface ServiceRecordResponse {
  /** The registry (provider id). */
  registry: string;
  /** The record: typed fields, the merged TOML table as written, key positions. */
  service: RegistryService;
  /** Who depends on the service, from the dependency graph (retired services left out). */
  consumers: ServiceConsumers;
  /** The service's project; absent for a global service. */
  project?: RegistryProject;
  /** The validation findings that name the service. */
  findings: RegistryFinding[];
}
