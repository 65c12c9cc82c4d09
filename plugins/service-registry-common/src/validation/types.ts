import { DependencyGraph } from '../graph/types';
import {
  LoadedRegistry,
  RegistryFinding,
  RegistryService,
} from '../model/types';

/**
 * Options of {@link validateRegistry}.
 *
 * @public
 */
export interface ValidateOptions {
  /** The day lifecycle dates are compared with, `YYYY-MM-DD` (default: today, UTC). */
  today?: string;
  /**
   * Also report what the catalog provider's mapping changes or leaves out of the registry as
   * written (`catalog/owner-unusable`, `catalog/owner-truncated`, `catalog/tag-dropped`, see
   * `catalogNameFindings`) and the `catalog/invalid-entity` error of a project whose folder name
   * cannot name a System (see `projectSystemFindings`), so that a check of a change shows what the
   * catalog would. `defaultOwner` is the provider's, named in the messages. With `sharedSystem`
   * (the provider's name of the System of global services, e.g. `shared`), also the
   * `catalog/duplicate-entity` error of a project named like it (see `sharedSystemFindings`).
   * `block_on` does not apply to them. Default: not reported (the catalog provider reports them
   * itself).
   */
  catalog?: { defaultOwner?: string; sharedSystem?: string };
}

/**
 * What every validation rule reads: the registry, its dependency graph (built once) and the day.
 *
 * @public
 */
export interface ValidationContext {
  /** The loaded registry. */
  registry: LoadedRegistry;
  /** Its dependency graph. */
  graph: DependencyGraph;
  /** The day dates are compared with, `YYYY-MM-DD`. */
  today: string;
  /** Every service of the registry, sorted by id. */
  services: RegistryService[];
}

/**
 * A validation rule: a pure function of the context to its findings.
 *
 * @public
 */
export type ValidationRule = (ctx: ValidationContext) => RegistryFinding[];
