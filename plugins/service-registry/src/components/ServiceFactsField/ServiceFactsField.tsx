import { Box, Typography } from '@material-ui/core';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { serviceRegistryApiRef } from '../../api/ServiceRegistryApi';
import { errorMessage } from '../../api/errorMessage';
import { registryOfEntity } from '../../lib/registryOfEntity';
import { serviceIdOfEntity } from '../../lib/serviceIdOfEntity';
import { DeclaredIn } from '../EntityServiceRegistryCard/DeclaredIn';
import { ServiceRegistryFacts } from '../EntityServiceRegistryCard/ServiceRegistryFacts';
import { formDataField } from '../../lib/formDataField';
import { useAbortableAsync } from '../useAbortableAsync';

/**
 * The `ui:options` of the `ServiceRegistryServiceFacts` field.
 *
 * @public
 */
export type ServiceFactsFieldOptions = {
  /**
   * The form field (of any page) that holds the service, as an entity ref (an entity picker's
   * value) or a registry id. Default `service`.
   */
  serviceField?: string;
};

/**
 * The registry id and registry of a service named by an entity ref (read from its Component's
 * annotations) or by its registry id.
 */
async function resolveService(
  value: string,
  catalogApi: typeof catalogApiRef.T,
): Promise<{ id: string; registry?: string } | undefined> {
  if (!value.includes(':')) return { id: value };
  const entity = await catalogApi.getEntityByRef(value);
  if (!entity) return undefined;
  return { id: serviceIdOfEntity(entity), registry: registryOfEntity(entity) };
}

/**
 * A read-only form field (`type: 'null'`) that shows what the registry says now about the service
 * another field of the form picked: its facts (version, status, tier, port, owner, …) and where it
 * is declared, so that a person changing it sees what an empty field keeps.
 */
export function ServiceFactsField(
  props: FieldExtensionComponentProps<null, ServiceFactsFieldOptions>,
) {
  const { uiSchema, formContext, schema } = props;
  const serviceField = uiSchema?.['ui:options']?.serviceField ?? 'service';
  const picked = formDataField(formContext?.formData, serviceField);
  const value =
    typeof picked === 'string' && picked !== '' ? picked : undefined;
  const catalogApi = useApi(catalogApiRef);
  const registryApi = useApi(serviceRegistryApiRef);
  const state = useAbortableAsync(
    async signal => {
      if (!value) return undefined;
      const service = await resolveService(value, catalogApi);
      if (!service) return null;
      return registryApi.getServiceSummary(
        service.id,
        { registry: service.registry },
        { signal },
      );
    },
    [value, catalogApi, registryApi],
  );

  let content;
  if (!value) {
    content = (
      <Typography variant="body2" color="textSecondary">
        Pick the service first.
      </Typography>
    );
  } else if (state.loading) {
    content = <Progress />;
  } else if (state.error) {
    content = (
      <Typography variant="body2" color="textSecondary">
        {`The registry's facts of ${value} could not be read: ${errorMessage(
          state.error,
        )}`}
      </Typography>
    );
  } else if (!state.value) {
    content = (
      <Typography variant="body2" color="textSecondary">
        {`The catalog has no ${value}.`}
      </Typography>
    );
  } else {
    content = (
      <>
        <ServiceRegistryFacts facts={state.value.service} />
        <DeclaredIn source={state.value.source} />
      </>
    );
  }
  const title =
    schema.title ??
    (state.value
      ? `${state.value.service.name} in the registry now`
      : 'In the registry now');
  return (
    <Box component="section" aria-label={title} marginTop={2} marginBottom={1}>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {title}
      </Typography>
      {content}
    </Box>
  );
}
