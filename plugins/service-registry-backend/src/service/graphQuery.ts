import {
  MAX_NEIGHBOURHOOD_DEPTH,
  registryGraphNeighbourhood,
} from '@service-registry/plugin-service-registry-common';
import { serviceIdSchema } from '@service-registry/plugin-service-registry-node';
import { z } from 'zod';
import { RegistryViews } from './RegistryViews';
import { registryParam } from './requestSchemas';
import { SerializedBody } from './SerializedBody';

/** The depth of `GET /graph?service=` when `depth` is left out: what the topology card opens at. */
export const DEFAULT_GRAPH_DEPTH = 2;

/**
 * The query of `GET /graph`: the registry, and the service whose neighbourhood to answer with,
 * to `depth` hops (1 to {@link MAX_NEIGHBOURHOOD_DEPTH}); `depth` alone is refused.
 */
export const graphQuery = z
  .object({
    registry: registryParam,
    service: serviceIdSchema
      .optional()
      .describe(
        'Answer with the neighbourhood of this service only (any id the graph holds, declared or only depended on). Absent: the whole graph.',
      ),
    depth: z
      .string()
      .regex(
        new RegExp(`^[1-${MAX_NEIGHBOURHOOD_DEPTH}]$`),
        `depth must be a whole number from 1 to ${MAX_NEIGHBOURHOOD_DEPTH}`,
      )
      .transform(Number)
      .optional()
      .describe(
        `How many hops around \`service\` the neighbourhood reaches, either way: 1 to ${MAX_NEIGHBOURHOOD_DEPTH}, default ${DEFAULT_GRAPH_DEPTH}. Only with \`service\`.`,
      ),
  })
  .strict()
  .refine(query => query.depth === undefined || query.service !== undefined, {
    path: ['depth'],
    message:
      'depth is the hops around a service: give service=<id> with it, or leave both out for the whole graph',
  });

/**
 * The `GET /graph?service=&depth=` answer: the part of the registry graph within `depth` hops of
 * the service either way (what the service topology card draws), from the graph indexed once per
 * snapshot, serialised and kept with the snapshot's other recent neighbourhoods. `404` for a
 * service the graph lacks (neither declared nor depended on), as `GET /impact/:service` answers.
 */
export function graphOfService(
  views: RegistryViews,
  service: string,
  depth: number = DEFAULT_GRAPH_DEPTH,
): SerializedBody {
  const indexed = views.indexedGraph;
  if (!indexed.nodes.has(service)) {
    throw views.heldBack.notFound(service);
  }
  return views.neighbourhoodBodies.get(`${depth}:${service}`, () =>
    SerializedBody.json(registryGraphNeighbourhood(indexed, service, depth)),
  );
}
