import { ReactNode } from 'react';
import { EmptyState, Progress } from '@backstage/core-components';
import { RegistryErrorPanel } from '../RegistryErrorPanel';

/** Props of {@link AsyncContent}. */
export interface AsyncContentProps<T> {
  /** The request's state, as `useAsync` gives it. */
  state: { loading: boolean; error?: Error; value?: T };
  /** Title of the error panel, e.g. "Could not load the deprecations". */
  errorTitle: string;
  /** Whether an answer has nothing to show; then `empty` is shown instead of `children`. */
  isEmpty?: (value: T) => boolean;
  /** The empty state's words. */
  empty?: { title: string; description: string };
  /** What to show for an answer. */
  children: (value: T) => ReactNode;
}

/**
 * The states every view of the registry goes through: progress while the backend answers (and
 * not again when a later request refreshes an answer already shown), the backend's error, an
 * empty state, then the answer.
 */
export function AsyncContent<T>(props: AsyncContentProps<T>) {
  const { state, errorTitle, isEmpty, empty, children } = props;
  if (state.error) {
    return <RegistryErrorPanel error={state.error} title={errorTitle} />;
  }
  if (state.value === undefined) {
    return <Progress />;
  }
  if (empty && isEmpty?.(state.value)) {
    return (
      <EmptyState
        missing="data"
        title={empty.title}
        description={empty.description}
      />
    );
  }
  return <>{children(state.value)}</>;
}
