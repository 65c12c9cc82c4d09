import {
  FindingSeverity,
  LoadedRegistry,
  RegistryFinding,
} from '../model/types';
import { findingLink } from './findingLink';
import { FindingsResponse, RegistryFindingItem } from './findingsResponse';
import { bySeverity } from '../validation/bySeverity';

/**
 * The filters of `GET /api/service-registry/findings`; each one given must hold.
 *
 * @public
 */
export interface FindingsQuery {
  /** Only findings of this severity. */
  severity?: FindingSeverity;
  /** Only findings about this service. */
  service?: string;
  /** Only findings of this project, or about one of its services. */
  project?: string;
  /**
   * Only findings about services of this owner: the service's own, or else its project's (as the
   * catalog shows it); a leading `@` and surrounding blanks are ignored on both sides.
   */
  owner?: string;
  /** Only findings in this registry file (relative to the registry root). */
  file?: string;
}

/**
 * What a findings answer is made from: the provider's last run.
 *
 * @public
 */
export interface FindingsSource {
  /** Provider id. */
  providerId: string;
  /** The registry the provider ingested. */
  registry: LoadedRegistry;
  /** Its findings, in file, line and column order. */
  findings: RegistryFinding[];
  /** Outcome of the run. */
  state: FindingsResponse['state'];
  /** One-line summary of the run. */
  summary: string;
  /** Time of the run. */
  updatedAt: string;
  /** Location reference of the registry root (`file:…` or `url:…`). */
  rootLocation: string;
}

const withoutAt = (owner: string) => owner.trim().replace(/^@/, '');

/**
 * The body of `GET /api/service-registry/findings`: the findings that pass the filters, errors
 * first (within a severity, in the source's order), each with the owner of its service, whether
 * the registry declares its service and that service's lifecycle status (a retired or undeclared
 * service has no catalog page), the project of its service when the finding names none, and a
 * link to its line when the registry is read from a URL.
 *
 * @param source - the provider's last run
 * @param query - the filters
 * @public
 */
export function buildFindingsResponse(
  source: FindingsSource,
  query: FindingsQuery = {},
): FindingsResponse {
  const services = source.registry.services;
  const owner = query.owner === undefined ? undefined : withoutAt(query.owner);
  const items: RegistryFindingItem[] = [];
  for (const f of source.findings) {
    if (query.severity && f.severity !== query.severity) continue;
    if (query.service && f.service !== query.service) continue;
    if (query.file && f.file !== query.file) continue;
    if (
      query.project &&
      f.project !== query.project &&
      (f.service === undefined ||
        services.get(f.service)?.project !== query.project)
    ) {
      continue;
    }
    const declaration =
      f.service === undefined ? undefined : services.get(f.service);
    const serviceOwner = declaration?.effectiveOwner;
    if (
      owner &&
      (serviceOwner === undefined || withoutAt(serviceOwner) !== owner)
    ) {
      continue;
    }
    const url = findingLink(source.rootLocation, f.file, f.line);
    // a finding about a project's service that names no project (one of services/versions.toml)
    // is that project's, as the project filter and the System card count it
    const serviceProject =
      f.project === undefined && f.service !== undefined
        ? services.get(f.service)?.project
        : undefined;
    items.push({
      ...f,
      ...(serviceProject !== undefined ? { project: serviceProject } : {}),
      ...(serviceOwner !== undefined ? { owner: serviceOwner } : {}),
      ...(f.service !== undefined
        ? { serviceDeclared: declaration !== undefined }
        : {}),
      ...(declaration?.status !== undefined
        ? { serviceStatus: declaration.status }
        : {}),
      ...(url !== undefined ? { url } : {}),
    });
  }
  // a stable sort: within a severity, the source's order stays
  items.sort(bySeverity);
  return {
    registry: source.providerId,
    state: source.state,
    summary: source.summary,
    updatedAt: source.updatedAt,
    rootLocation: source.rootLocation,
    items,
  };
}
