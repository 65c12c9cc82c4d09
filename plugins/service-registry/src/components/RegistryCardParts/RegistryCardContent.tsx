import { ReactNode } from 'react';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { EmptyState, Progress } from '@backstage/core-components';
import { errorMessage } from '../../api/errorMessage';
import { isHeldBackServiceError } from '../../api/notFound';
import { HeldBackAlert } from './HeldBackAlert';

/** Props of {@link RegistryCardContent}. */
export interface RegistryCardContentProps<T> {
  /** The request's state, as `useAsync` gives it. */
  state: { loading: boolean; error?: Error; value?: T };
  /** What the empty state says when the registry does not know the entity (a 404). */
  notFound: string;
  /**
   * Whether an error is the backend's 404 of an entity the registry does not know (e.g.
   * `isUnknownServiceError`), shown as the empty state. Any other error, among them the 404 of
   * an unknown registry, shows as an error with the backend's message.
   */
  isNotFound: (error: Error) => boolean;
  /** Title of the error shown for any other failure, e.g. "Could not load …". */
  errorTitle: string;
  /** What to show for an answer. */
  children: (value: T) => ReactNode;
}

/**
 * The states of a registry card on an entity page: progress while the backend answers, "Not in
 * the service registry" when the registry does not know the entity, a warning with the backend's
 * message when the catalog holds the service back (its file is not taken as written, so the
 * registry lacks it for now), the backend's error in the card (so the rest of the page still
 * shows; an unknown registry is such an error), then the answer.
 */
export function RegistryCardContent<T>(props: RegistryCardContentProps<T>) {
  const { state, notFound, isNotFound, errorTitle, children } = props;
  if (state.loading) {
    return <Progress />;
  }
  if (state.error && isHeldBackServiceError(state.error)) {
    return <HeldBackAlert error={state.error} />;
  }
  if (state.error && isNotFound(state.error)) {
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
