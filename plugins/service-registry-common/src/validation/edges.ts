import { DependencyEdge } from '../graph/types';
import { RegistryService, SourcePosition } from '../model/types';
import { ValidationContext } from './types';

/**
 * The consumer side of an edge, as findings need it: the declaring service, the project it is
 * declared for, the position of the entry and the list it sits in.
 */
export interface EdgeSite {
  /** The consumer service (global declaration for an override edge). */
  consumer: RegistryService;
  /** The finding's service and project. */
  about: { service: string; project?: string };
  /** The entry's position. */
  position: SourcePosition;
  /** `dependencies.requires` or `dependencies.optional`. */
  list: string;
}

/**
 * Resolves the consumer side of an edge.
 *
 * @param ctx - the validation context
 * @param edge - an edge of the graph
 */
export function edgeSite(
  ctx: ValidationContext,
  edge: DependencyEdge,
): EdgeSite {
  const consumer = ctx.registry.services.get(edge.from)!;
  const project = edge.viaProject ?? consumer.project;
  return {
    consumer,
    about:
      project === undefined
        ? { service: edge.from }
        : { service: edge.from, project },
    position: edge.position ?? consumer.source,
    list: edge.optional ? 'dependencies.optional' : 'dependencies.requires',
  };
}
