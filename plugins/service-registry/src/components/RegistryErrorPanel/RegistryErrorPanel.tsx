import { ResponseErrorPanel } from '@backstage/core-components';
import { errorMessage } from '../../api/errorMessage';

/** Props of {@link RegistryErrorPanel}. */
export interface RegistryErrorPanelProps {
  /** What could not be done, e.g. "Could not load the deprecations". */
  title: string;
  /** Why. */
  error: Error;
}

/**
 * Backstage's error panel with the reason in its title: the backend's own message (say, that
 * the registry has not been ingested yet since the backend started) instead of "Request failed
 * with 503 Service Unavailable", which the panel otherwise shows until it is expanded.
 */
export function RegistryErrorPanel(props: RegistryErrorPanelProps) {
  const { title, error } = props;
  return (
    <ResponseErrorPanel
      error={error}
      title={`${title}: ${errorMessage(error)}`}
    />
  );
}
