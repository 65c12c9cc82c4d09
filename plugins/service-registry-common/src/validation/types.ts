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
