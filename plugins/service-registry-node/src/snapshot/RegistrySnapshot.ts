import {
  LoadedRegistry,
  RegistryFileInput,
  RegistryFinding,
} from '@service-registry/plugin-service-registry-common';

/**
 * The last good state of one ingested registry, as the catalog provider applied it: the UI's
 * backend serves it without parsing the registry again.
 *
 * @public
 */
export interface RegistrySnapshot {
  /** Id of the provider (registry), `default` for a single one. */
  providerId: string;
  /** The registry as last applied (files that stopped parsing at their last good version). */
  registry: LoadedRegistry;
  /**
   * The files `registry` was loaded from (paths relative to the registry root), so that a
   * reader can compare two snapshots file by file or load one again later. Absent when the
   * publisher did not keep them.
   */
  files?: ReadonlyArray<RegistryFileInput>;
  /**
   * Everything wrong with the registry: the loader's findings (including syntax errors of files
   * kept at their last good version) and the validation rules'.
   */
  findings: RegistryFinding[];
  /** Outcome of the provider's last run. */
  state: 'ok' | 'degraded' | 'blocked';
  /** One-line summary of the last run. */
  summary: string;
  /** ISO time of the last run. */
  updatedAt: string;
  /** Location reference of the registry root (`file:…` or `url:…`). */
  rootLocation: string;
}
