/**
 * One registry of `GET /api/service-registry/registries`: the last run of its catalog provider
 * on this backend and what that run holds.
 *
 * @public
 */
export interface RegistryStatusItem {
  /** The provider id under `catalog.providers.serviceRegistry`: the `registry` parameter of every endpoint. */
  id: string;
  /** How the last run ended: `ok`, `degraded` (some files kept at their last good version) or `blocked` (nothing applied). */
  state: 'ok' | 'degraded' | 'blocked';
  /** What the last run did, in one sentence. */
  summary: string;
  /** When the last run ended (ISO 8601). */
  updatedAt: string;
  /** Where the registry is read from (a credential in it hidden). */
  rootLocation: string;
  /** The services the registry declares. */
  services: number;
  /** The projects the registry declares. */
  projects: number;
  /** The validation errors of the last run. */
  errors: number;
  /** The validation warnings of the last run. */
  warnings: number;
}

/**
 * Body of `GET /api/service-registry/registries`: every registry this backend serves.
 *
 * @public
 */
export interface RegistriesResponse {
  /** One per registry that has been ingested since this backend started. */
  items: RegistryStatusItem[];
}
