import { Typography, makeStyles } from '@material-ui/core';
import { InfoCard, InfoCardVariants } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { registryOfEntity, registryWords } from '../../lib/registryOfEntity';
import {
  CatalogFacts,
  catalogFactsOfEntity,
} from '../../lib/catalogFactsOfEntity';
import { serviceRegistryApiRef } from '../../api/ServiceRegistryApi';
import { useAbortableAsync } from '../useAbortableAsync';
import { ServiceSummaryResponse } from '../../api/types';
import { CardSection } from '../RegistryCardParts/CardSection';
import { RegistryCardContent } from '../RegistryCardParts/RegistryCardContent';
import { isUnknownServiceError } from '../../api/notFound';
import { DeclaredIn } from './DeclaredIn';
import { findingsSummaryText } from './findingsSummaryText';
import { ServiceConsumersSummary } from './ServiceConsumersSummary';
import { ServiceDependenciesTable } from './ServiceDependenciesTable';
import { ServiceRegistryActions } from './ServiceRegistryActions';
import { ServiceRegistryFacts } from './ServiceRegistryFacts';
import { ServiceAlertRoutesList } from './ServiceAlertRoutesList';
import { ServiceReleasesTable } from './ServiceReleasesTable';
import { ServicePendingChanges } from './ServicePendingChanges';
import { useTemplateFormLink } from './templateFormLink';
import { serviceIdOfEntity } from '../../lib/serviceIdOfEntity';
import { ServiceEntityRefsProvider } from '../ServiceEntityRefs';

const useStyles = makeStyles(theme => ({
  source: { marginTop: theme.spacing(1) },
}));

/**
 * Props of {@link EntityServiceRegistryCard}.
 *
 * @public
 */
export interface EntityServiceRegistryCardProps {
  /** Card title (default "Service registry"). */
  title?: string;
  /** Card variant, as `InfoCard` takes it (e.g. `gridItem`). */
  variant?: InfoCardVariants;
  /**
   * Name of the scaffolder template "Change this service" opens, in namespace `default` (default
   * `service-registry-update-service`).
   */
  changeTemplate?: string;
  /**
   * Name of the scaffolder template "Deprecate" opens, in namespace `default` (default
   * `service-registry-deprecate-service`).
   */
  deprecateTemplate?: string;
  /** How many consumers of each kind show before "Show all" (default 8). */
  consumersLimit?: number;
}

/** The card's body once the summary is loaded. */
function ServiceSummaryDetails(props: {
  summary: ServiceSummaryResponse;
  consumersLimit?: number;
  /** What the catalog says of the service's entity. */
  catalog?: CatalogFacts;
}) {
  const { summary, consumersLimit, catalog } = props;
  const classes = useStyles();
  const { service, dependencies } = summary;
  return (
    <>
      <ServiceRegistryFacts facts={service} catalog={catalog} />
      <DeclaredIn source={summary.source} className={classes.source} />
      <CardSection title={`Dependencies (${dependencies.length})`}>
        {dependencies.length === 0 ? (
          <Typography variant="body2">No dependencies</Typography>
        ) : (
          <ServiceDependenciesTable
            serviceId={service.id}
            dependencies={dependencies}
          />
        )}
      </CardSection>
      <CardSection title="Consumers">
        <ServiceConsumersSummary
          consumers={summary.consumers}
          limit={consumersLimit}
        />
      </CardSection>
      {summary.releases && summary.releases.length > 0 && (
        <CardSection title={`Releases (${summary.releases.length})`}>
          <ServiceReleasesTable
            serviceId={service.id}
            releases={summary.releases}
          />
        </CardSection>
      )}
      <ServicePendingChanges
        serviceId={service.id}
        registry={summary.registry}
      />
      <CardSection title="Findings">
        <Typography variant="body2">
          {findingsSummaryText(summary.findings)}
        </Typography>
      </CardSection>
      {summary.alerts && summary.alerts.length > 0 && (
        <CardSection title="Alerts">
          <ServiceAlertRoutesList
            routes={summary.alerts}
            project={service.project}
          />
        </CardSection>
      )}
    </>
  );
}

/**
 * What the service registry declares for the current service: version, lifecycle status, tier
 * (and whether it is inherited from the project), port, project, type, owner, compatibility and
 * deprecation facts, and where it is declared; its dependencies with the range each asks for and
 * whether the provider's version satisfies it (deprecated, retired and undeclared providers
 * marked); who requires it or uses it optionally; how many findings the registry's validation has
 * about it; its release history (newest first, breaking releases marked); the registry's pending
 * changes that concern it (unmerged branches that change or break it, or break what it depends
 * on); where the projects' monitoring sends its alerts. With the app's `createFromTemplate`
 * route bound to the scaffolder, "Change this service" and "Deprecate" open the registry's
 * templates with the service already selected.
 *
 * Meant for a registry service's page, under `<EntitySwitch.Case if={isServiceRegistryService}>`.
 *
 * @public
 */
export function EntityServiceRegistryCard(
  props: EntityServiceRegistryCardProps,
) {
  const {
    title = 'Service registry',
    variant,
    changeTemplate = 'service-registry-update-service',
    deprecateTemplate = 'service-registry-deprecate-service',
    consumersLimit,
  } = props;
  const { entity } = useEntity();
  const api = useApi(serviceRegistryApiRef);
  const templateFormLink = useTemplateFormLink();
  const serviceId = serviceIdOfEntity(entity);
  const registry = registryOfEntity(entity);
  const state = useAbortableAsync(
    signal => api.getServiceSummary(serviceId, { registry }, { signal }),
    [api, serviceId, registry],
  );
  const { value } = state;

  const actions =
    value && templateFormLink ? (
      <ServiceRegistryActions
        serviceRef={stringifyEntityRef(entity)}
        status={value.service.status}
        changeTemplate={changeTemplate}
        deprecateTemplate={deprecateTemplate}
        templateFormLink={templateFormLink}
      />
    ) : undefined;

  return (
    <InfoCard
      title={title}
      subheader={`What ${registryWords(registry)} declares for ${serviceId}`}
      titleTypographyProps={{ component: 'h2' }}
      variant={variant}
      actions={actions}
    >
      <ServiceEntityRefsProvider registry={registry}>
        <RegistryCardContent
          state={state}
          notFound={`${registryWords(
            registry,
            true,
          )} does not declare "${serviceId}".`}
          isNotFound={isUnknownServiceError}
          errorTitle={`Could not load the registry entry of ${serviceId}`}
        >
          {summary => (
            <ServiceSummaryDetails
              summary={summary}
              consumersLimit={consumersLimit}
              catalog={catalogFactsOfEntity(entity)}
            />
          )}
        </RegistryCardContent>
      </ServiceEntityRefsProvider>
    </InfoCard>
  );
}
