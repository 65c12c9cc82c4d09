import { ReactNode } from 'react';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { EmptyState, Progress } from '@backstage/core-components';
import { isNotFoundError } from '../DeprecationTimeline/deprecationFormat';
import { errorMessage } from '../../api/errorMessage';

/** Props of {@link RegistryCardContent}. */
export interface RegistryCardContentProps<T> {
  /** The request's state, as `useAsync` gives it. */
  state: { loading: boolean; error?: Error; value?: T };
  /** What the empty state says when the registry does not know the entity (a 404). */
  notFound: string;
  /** Title of the error shown for any other failure, e.g. "Could not load …". */
  errorTitle: string;
  /** What to show for an answer. */
  children: (value: T) => ReactNode;
}

/**
 * The states of a registry card on an entity page: progress while the backend answers, "Not in
 * the service registry" when it does not know the entity, the backend's error in the card (so the
 * rest of the page still shows), then the answer.
 */
export function RegistryCardContent<T>(props: RegistryCardContentProps<T>) {
  const { state, notFound, errorTitle, children } = props;
  if (state.loading) {
    return <Progress />;
  }
  if (state.error && isNotFoundError(state.error)) {
    return (
      <EmptyState
        missing="data"
        title="Not in the service registry"
        description={notFound}
      />
    );
  }
  if (state.error) {
    return (
      <Alert severity="error">
        <AlertTitle>{errorTitle}</AlertTitle>
        {errorMessage(state.error)}
      </Alert>
    );
  }
  if (state.value === undefined) {
    return <Progress />;
  }
  return <>{children(state.value)}</>;
}
