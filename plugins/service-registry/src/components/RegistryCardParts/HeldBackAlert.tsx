import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { errorMessage } from '../../api/errorMessage';

/** Props of {@link HeldBackAlert}. */
export interface HeldBackAlertProps {
  /** The backend's 404 of a held-back service (see `isHeldBackServiceError`). */
  error: Error;
}

/**
 * What a service's card shows for a service the catalog holds back (its file is not taken as
 * written, so the registry lacks it while the catalog keeps it as last ingested): a warning with
 * the backend's message, which says where the service is declared now and why its file is not
 * taken, rather than "Not in the service registry".
 */
export function HeldBackAlert(props: HeldBackAlertProps) {
  return (
    <Alert severity="warning">
      <AlertTitle>Held back by the catalog</AlertTitle>
      {errorMessage(props.error)}
    </Alert>
  );
}
