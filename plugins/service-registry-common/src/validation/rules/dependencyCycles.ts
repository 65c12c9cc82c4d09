import { analyzeCycles } from '../../graph/findCycles';
import { RegistryFinding } from '../../model/types';
import { edgeSite } from '../edges';
import {
  aboutService,
  bareId,
  makeFinding,
  quoted,
  servicePosition,
  serviceLabel,
} from '../findings';
import { runningGraphOf } from '../../graph/runningGraphOf';
import { ValidationContext } from '../types';

/**
 * `dependency/cycle` (error): once per cycle of required dependencies that the global view or a
 * project's view holds (see `analyzeCycles`: the dependencies of different projects' overrides do
 * not chain), at the entry of the cycle's first (smallest) service that leads into the cycle, in
 * that view, with the full path. When a huge component holds more cycles than the search bound
 * lists, `dependency/cycle-limit` (info) says so on its first service. Loops through optional
 * dependencies are no cycle (making one of its dependencies optional is how a cycle is broken),
 * but a service listing itself in its `dependencies.optional` is a slip:
 * `dependency/self-optional` (warning). The dependencies of a retired service do not run (see
 * `runningGraphOf`): a loop through one is no cycle, and a retired service listing itself is not
 * reported; a project whose override retires a global service removes its dependencies from that
 * project's view only.
 *
 * @param ctx - the validation context
 */
export function dependencyCycles(ctx: ValidationContext): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  const graph = runningGraphOf(ctx.registry, ctx.graph);
  const analysis = analyzeCycles(graph);
  analysis.cycles.forEach((cycle, k) => {
    const first = cycle[0];
    // the entry of the view that holds the cycle (the global one when it does)
    const site = edgeSite(ctx, analysis.edges[k][0]);
    const path = cycle.map(bareId).join(' → ');
    const message =
      cycle.length === 2
        ? `${serviceLabel(first)} requires itself (${path}): remove ${quoted(
            first,
          )} from its dependencies.requires.`
        : `Dependency cycle ${path}: services that require each other cannot be deployed or upgraded one at a time. Break the cycle by removing one of these dependencies (or making it optional).`;
    findings.push(
      makeFinding(
        'error',
        'dependency/cycle',
        message,
        site.position,
        site.about,
      ),
    );
  });
  for (const service of ctx.services) {
    const edge = (graph.outgoing.get(service.id) ?? []).find(
      e => e.optional && e.to === service.id,
    );
    if (!edge) continue;
    const site = edgeSite(ctx, edge);
    findings.push(
      makeFinding(
        'warning',
        'dependency/self-optional',
        `${serviceLabel(
          service.id,
        )} lists itself in its dependencies.optional: a service does not depend on itself. Remove ${quoted(
          service.id,
        )} from the list.`,
        site.position,
        site.about,
      ),
    );
  }
  for (const component of analysis.truncated) {
    const service = ctx.registry.services.get(component[0])!;
    findings.push(
      makeFinding(
        'info',
        'dependency/cycle-limit',
        `${component.length} services (${component
          .slice(0, 5)
          .map(bareId)
          .join(', ')}${
          component.length > 5 ? ', …' : ''
        }) depend on each other so densely that only some of their cycles are listed; untangle the cycles reported, then validate again.`,
        servicePosition(service, 'dependencies.requires'),
        aboutService(service),
      ),
    );
  }
  return findings;
}
