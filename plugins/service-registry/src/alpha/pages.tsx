import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import { PageBlueprint } from '@backstage/frontend-plugin-api';
import TopologyIcon from '@material-ui/icons/AccountTree';
import DeprecationsIcon from '@material-ui/icons/EventBusy';
import FindingsIcon from '@material-ui/icons/ReportProblemOutlined';
import PendingChangesIcon from '@material-ui/icons/CallSplit';
import SlaIcon from '@material-ui/icons/Speed';
import {
  deprecationsRouteRef,
  findingsRouteRef,
  pendingChangesRouteRef,
  rootRouteRef,
  slaRouteRef,
} from '../routes';

/**
 * The portal-wide dependency map, at `/service-registry` (the page's `path` config moves it).
 *
 * @alpha
 */
export const serviceRegistryTopologyPage = PageBlueprint.make({
  params: {
    path: '/service-registry',
    routeRef: convertLegacyRouteRef(rootRouteRef),
    title: 'Topology',
    icon: <TopologyIcon />,
    // the page draws its own Backstage header (title and counts): no second one from the app
    noHeader: true,
    loader: () =>
      import('../components/ServiceRegistryTopologyPage').then(m =>
        compatWrapper(<m.ServiceRegistryTopologyPage />),
      ),
  },
});

/**
 * Every deprecated service with its migration, at `/service-registry/deprecations`.
 *
 * @alpha
 */
export const serviceRegistryDeprecationsPage = PageBlueprint.make({
  name: 'deprecations',
  params: {
    path: '/service-registry/deprecations',
    routeRef: convertLegacyRouteRef(deprecationsRouteRef),
    title: 'Deprecations',
    icon: <DeprecationsIcon />,
    // the page draws its own Backstage header (title and counts): no second one from the app
    noHeader: true,
    loader: () =>
      import('../components/ServiceRegistryDeprecationsPage').then(m =>
        compatWrapper(<m.ServiceRegistryDeprecationsPage />),
      ),
  },
});

/**
 * Every service's SLA against its tier policy, at `/service-registry/sla`.
 *
 * @alpha
 */
export const serviceRegistrySlaPage = PageBlueprint.make({
  name: 'sla',
  params: {
    path: '/service-registry/sla',
    routeRef: convertLegacyRouteRef(slaRouteRef),
    title: 'SLAs',
    icon: <SlaIcon />,
    // the page draws its own Backstage header (title and counts): no second one from the app
    noHeader: true,
    loader: () =>
      import('../components/ServiceRegistrySlaPage').then(m =>
        compatWrapper(<m.ServiceRegistrySlaPage />),
      ),
  },
});

/**
 * Every validation finding of the registry, at `/service-registry/findings`.
 *
 * @alpha
 */
export const serviceRegistryFindingsPage = PageBlueprint.make({
  name: 'findings',
  params: {
    path: '/service-registry/findings',
    routeRef: convertLegacyRouteRef(findingsRouteRef),
    title: 'Findings',
    icon: <FindingsIcon />,
    // the page draws its own Backstage header (title and counts): no second one from the app
    noHeader: true,
    loader: () =>
      import('../components/ServiceRegistryFindingsPage').then(m =>
        compatWrapper(<m.ServiceRegistryFindingsPage />),
      ),
  },
});

/**
 * The registry's pending changes, at `/service-registry/pending-changes`.
 *
 * @alpha
 */
export const serviceRegistryPendingChangesPage = PageBlueprint.make({
  name: 'pending-changes',
  params: {
    path: '/service-registry/pending-changes',
    routeRef: convertLegacyRouteRef(pendingChangesRouteRef),
    title: 'Pending',
    icon: <PendingChangesIcon />,
    // the page draws its own Backstage header: no second one from the app
    noHeader: true,
    loader: () =>
      import('../components/ServiceRegistryPendingChangesPage').then(m =>
        compatWrapper(<m.ServiceRegistryPendingChangesPage />),
      ),
  },
});
