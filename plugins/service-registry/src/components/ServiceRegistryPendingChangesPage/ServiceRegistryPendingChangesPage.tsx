import { useApi } from '@backstage/core-plugin-api';
import { makeStyles } from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { serviceRegistryApiRef } from '../../api/ServiceRegistryApi';
import { PendingChangesResponse } from '../../api/types';
import { formatSnapshotTime } from '../../lib/formatSnapshotTime';
import { AsyncContent } from '../AsyncContent';
import { RegistryPage } from '../RegistryPage';
import { ServiceEntityRefsProvider } from '../ServiceEntityRefs';
import { useAbortableAsync } from '../useAbortableAsync';
import { usePageRegistry } from '../usePageRegistry';
import { PendingChangeCard } from './PendingChangeCard';

/**
 * Props of {@link ServiceRegistryPendingChangesPage}.
 *
 * @public
 */
export interface ServiceRegistryPendingChangesPageProps {
  /**
   * The registry (catalog provider) id. A link's `?registry=` comes first; without either, the
   * page names no registry and the backend answers its only one (or `default` among several).
   */
  registry?: string;
  /** Page title (default "Pending registry changes"). */
  title?: string;
}

const useStyles = makeStyles(theme => ({
  alert: { marginBottom: theme.spacing(2) },
  list: { margin: 0, paddingLeft: theme.spacing(2.5) },
}));

function subtitleOf(answer: PendingChangesResponse | undefined): string {
  if (!answer) {
    return 'Changes of the registry that are not merged yet, with what they break';
  }
  const n = answer.changes.length;
  return `${n} pending change${n === 1 ? '' : 's'} in ${
    answer.repository
  }, compared with ${answer.defaultBranch} · registry "${
    answer.registry
  }" · read ${formatSnapshotTime(answer.readAt)}`;
}

/** The branches the backend could not compare, and why. */
function UnreadBranches(props: { answer: PendingChangesResponse }) {
  const classes = useStyles();
  const { unread } = props.answer;
  if (unread.length === 0) return null;
  return (
    <Alert severity="warning" className={classes.alert}>
      <AlertTitle>
        {unread.length === 1
          ? 'A branch could not be compared'
          : `${unread.length} branches could not be compared`}
      </AlertTitle>
      <ul className={classes.list}>
        {unread.map(u => (
          <li key={u.branch}>
            <code>{u.branch}</code>: {u.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/**
 * The registry's pending changes: each branch of its repository that the scaffolder's templates
 * (or a person) pushed and its default branch does not hold yet, newest first, with the services
 * it adds, changes and removes, its breaking changes and whom they affect, and how its registry
 * validates. The backend reads them from the repository configured for the registry under
 * `serviceRegistry.pendingChanges`.
 *
 * @public
 */
export function ServiceRegistryPendingChangesPage(
  props: ServiceRegistryPendingChangesPageProps,
) {
  const { title = 'Pending registry changes' } = props;
  const registry = usePageRegistry(props.registry);
  const api = useApi(serviceRegistryApiRef);
  const state = useAbortableAsync(
    signal => api.getPendingChanges({ registry }, { signal }),
    [api, registry],
  );
  return (
    <RegistryPage
      title={title}
      subtitle={subtitleOf(state.value)}
      contentTitle="Branches not merged yet"
    >
      <AsyncContent
        state={state}
        errorTitle="Could not load the pending changes"
        isEmpty={answer =>
          answer.changes.length === 0 && answer.unread.length === 0
        }
        empty={{
          title: 'No pending changes',
          description:
            'No branch of the registry repository holds a change its default branch does not. Branches the templates push (service-registry/…) show here until they are merged.',
        }}
      >
        {answer => (
          <ServiceEntityRefsProvider registry={answer.registry}>
            <UnreadBranches answer={answer} />
            {answer.changes.map(change => (
              <PendingChangeCard
                key={change.branch}
                change={change}
                defaultBranch={answer.defaultBranch}
              />
            ))}
          </ServiceEntityRefsProvider>
        )}
      </AsyncContent>
    </RegistryPage>
  );
}
