import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { registryOfEntity, registryWords } from '../../lib/registryOfEntity';
import { serviceRegistryApiRef } from '../../api/ServiceRegistryApi';
import { useAbortableAsync } from '../useAbortableAsync';
import { SlaEvaluationDetails } from './SlaEvaluationDetails';
import { errorMessage } from '../../api/errorMessage';
import {
  isHeldBackServiceError,
  isUnknownServiceError,
} from '../../api/notFound';
import { HeldBackAlert } from '../RegistryCardParts/HeldBackAlert';
import { serviceIdOfEntity } from '../../lib/serviceIdOfEntity';

/**
 * Props of {@link EntityServiceSlaCard}.
 *
 * @public
 */
export interface EntityServiceSlaCardProps {
  /** Card title (default "SLA"). */
  title?: string;
}

/**
 * The service levels the current service declares in the service registry, target by target
 * next to the SLA policy of its effective tier, with each gap in words and the downtime per 30
 * days the declared and required availabilities allow.
 *
 * @public
 */
export function EntityServiceSlaCard(props: EntityServiceSlaCardProps) {
  const { title = 'SLA' } = props;
  const { entity } = useEntity();
  const api = useApi(serviceRegistryApiRef);
  const serviceId = serviceIdOfEntity(entity);
  const registry = registryOfEntity(entity);
  const { value, loading, error } = useAbortableAsync(
    signal => api.getServiceSla(serviceId, { registry }, { signal }),
    [api, serviceId, registry],
  );

  let content: JSX.Element;
  if (loading) {
    content = <Progress />;
  } else if (isHeldBackServiceError(error)) {
    // in the registry, but in a file the catalog cannot take as written: the backend says why
    content = <HeldBackAlert error={error} />;
  } else if (error && isUnknownServiceError(error)) {
    // only the 404 of a service the registry lacks: that of an unknown registry is an error
    content = (
      <EmptyState
        missing="data"
        title="Not in the service registry"
        description={`${registryWords(
          registry,
          true,
        )} does not declare "${serviceId}", so it has no SLA to show.`}
      />
    );
  } else if (error) {
    content = (
      <Alert severity="error">
        <AlertTitle>Could not load the SLA of {serviceId}</AlertTitle>
        {errorMessage(error)}
      </Alert>
    );
  } else if (!value) {
    content = <Progress />;
  } else {
    content = <SlaEvaluationDetails evaluation={value.evaluation} />;
  }
  return (
    <InfoCard
      title={title}
      titleTypographyProps={{ component: 'h2' }}
      subheader="Declared service levels against the tier policy, from the service registry"
    >
      {content}
    </InfoCard>
  );
}
