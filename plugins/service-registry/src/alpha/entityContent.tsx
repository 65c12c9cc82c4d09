import { compatWrapper } from '@backstage/core-compat-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isServiceRegistryService } from '../conditions';

/**
 * Entity page tab "Topology": the service's dependency graph, three hops deep, in a large drawing.
 *
 * @alpha
 */
export const entityServiceTopologyContent = EntityContentBlueprint.make({
  name: 'topology',
  params: {
    path: 'topology',
    title: 'Topology',
    filter: isServiceRegistryService,
    loader: () =>
      import('../components/EntityServiceTopologyCard').then(m =>
        compatWrapper(
          <m.EntityServiceTopologyCard height={640} initialDepth={3} />,
        ),
      ),
  },
});
