import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Typography, makeStyles } from '@material-ui/core';
import {
  PendingChangeOfService,
  pendingChangesOfService,
} from '@service-registry/plugin-service-registry-common';
import { serviceRegistryApiRef } from '../../api/ServiceRegistryApi';
import { registryPageLink } from '../../lib/registryPageLink';
import { pendingChangesRouteRef } from '../../routes';
import { useOptionalRouteRef } from '../EntityServiceRegistryFindingsCard/findingParts';
import { CardSection } from '../RegistryCardParts/CardSection';
import { useAbortableAsync } from '../useAbortableAsync';

const useStyles = makeStyles(theme => ({
  list: { margin: 0, paddingLeft: theme.spacing(2.5) },
  item: { overflowWrap: 'anywhere' },
}));

const OWN_WORDS = {
  added: 'adds this service',
  changed: 'changes this service',
  removed: 'removes this service',
} as const;

/** What a pending change does to the service, in words. */
export function pendingChangeText(found: PendingChangeOfService): string {
  const parts: string[] = [];
  if (found.own) parts.push(OWN_WORDS[found.own]);
  if (found.breaks.length > 0) {
    parts.push(`breaking it: ${found.breaks.join(', ')}`);
  }
  if (found.breaksDependencies.length > 0) {
    parts.push(
      `breaks ${
        found.breaksDependencies.length === 1
          ? 'its dependency'
          : 'its dependencies'
      } ${found.breaksDependencies.join(', ')}`,
    );
  }
  return parts.join('; ');
}

/**
 * The pending changes of the service's registry (its repository's unmerged branches, see
 * `ServiceRegistryPendingChangesPage`) that concern a service: those that add, change or remove
 * it, break it, or break a service it depends on; linked to that registry's pending changes page
 * when the app mounts it. Nothing shows while they load, when none concerns the service, or when
 * the backend has none configured for the registry.
 */
export function ServicePendingChanges(props: {
  serviceId: string;
  /** The registry of the card's entity; undefined when it names none. */
  registry: string | undefined;
}) {
  const { serviceId, registry } = props;
  const classes = useStyles();
  const api = useApi(serviceRegistryApiRef);
  const pendingRoute = useOptionalRouteRef(pendingChangesRouteRef);
  const state = useAbortableAsync(
    signal => api.getPendingChanges({ registry }, { signal }),
    [api, registry],
  );
  if (!state.value) return null;
  const found = pendingChangesOfService(state.value.changes, serviceId);
  if (found.length === 0) return null;
  return (
    <CardSection title={`Pending changes (${found.length})`}>
      <ul className={classes.list}>
        {found.map(f => (
          <li key={f.change.branch} className={classes.item}>
            <Typography variant="body2">
              <strong>{f.change.subject || f.change.branch}</strong> (
              <code>{f.change.branch}</code>): {pendingChangeText(f)}
            </Typography>
          </li>
        ))}
      </ul>
      {pendingRoute && (
        <Typography variant="body2">
          <Link to={registryPageLink(pendingRoute(), {}, registry)}>
            All pending changes
          </Link>
        </Typography>
      )}
    </CardSection>
  );
}
