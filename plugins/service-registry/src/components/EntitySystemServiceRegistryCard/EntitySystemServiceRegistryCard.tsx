import { Typography, makeStyles } from '@material-ui/core';
import { InfoCard, InfoCardVariants } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { GLOBAL_PROJECT_ID } from '@service-registry/plugin-service-registry-common';
import { serviceRegistryApiRef } from '../../api/ServiceRegistryApi';
import { useAbortableAsync } from '../useAbortableAsync';
import { ProjectSummaryResponse } from '../../api/types';
import { DeclaredIn } from '../EntityServiceRegistryCard/DeclaredIn';
import { CardSection } from '../RegistryCardParts/CardSection';
import { RegistryCardContent } from '../RegistryCardParts/RegistryCardContent';
import { isUnknownProjectError } from '../../api/notFound';
import { ProjectFacts } from './ProjectFacts';
import { ProjectFindingsLine } from './ProjectFindingsLine';
import { ProjectLinksList } from './ProjectLinksList';
import { ProjectOverridesList } from './ProjectOverridesList';
import { ProjectServicesTable } from './ProjectServicesTable';
import { ProjectSlaLine } from './ProjectSlaLine';
import { projectIdOfSystem } from './projectIdOfSystem';
import { registryOfEntity, registryWords } from '../../lib/registryOfEntity';
import { catalogFactsOfEntity } from '../../lib/catalogFactsOfEntity';
import { ServiceEntityRefsProvider } from '../ServiceEntityRefs';

const useStyles = makeStyles(theme => ({
  source: { marginTop: theme.spacing(1) },
}));

/**
 * Props of {@link EntitySystemServiceRegistryCard}.
 *
 * @public
 */
export interface EntitySystemServiceRegistryCardProps {
  /** Card title (default "Project in the service registry"). */
  title?: string;
  /** Card variant, as `InfoCard` takes it (e.g. `gridItem`). */
  variant?: InfoCardVariants;
  /**
   * Name of the System the registry's provider gives the global services (its `sharedSystem`
   * option, default `shared`): on that System the card shows the global services, and links to
   * it stand for them.
   */
  sharedSystem?: string;
}

/** The card's body once the summary is loaded. */
function ProjectSummaryDetails(props: {
  summary: ProjectSummaryResponse;
  sharedSystem: string;
  /** The registry of the System (its annotation), which the page links carry. */
  registry: string | undefined;
  /** The owner of the System in the catalog. */
  catalogOwner?: string;
}) {
  const { summary, sharedSystem, catalogOwner } = props;
  // the entity's registry, else the one the backend answered for it
  const registry = props.registry ?? summary.registry;
  const classes = useStyles();
  const { project, services } = summary;
  const isGlobal = project.id === null;
  return (
    <>
      <ProjectFacts summary={summary} catalogOwner={catalogOwner} />
      <DeclaredIn source={summary.source} className={classes.source} />
      <CardSection title={`Services (${services.length})`}>
        {services.length === 0 ? (
          <Typography variant="body2">
            {isGlobal
              ? 'The registry declares no global service.'
              : 'The project declares no service of its own.'}
          </Typography>
        ) : (
          <ProjectServicesTable
            label={`Services of ${
              isGlobal ? 'the global services' : project.name
            }`}
            services={services}
          />
        )}
      </CardSection>
      {!isGlobal && (
        <CardSection title="Overrides of global services">
          <ProjectOverridesList overrides={summary.overrides} />
        </CardSection>
      )}
      <CardSection title="Depends on">
        <ProjectLinksList
          label="Depends on"
          links={summary.dependencies}
          sharedSystem={sharedSystem}
          empty={
            isGlobal
              ? 'The global services depend on no project.'
              : 'Its services depend on no other project and no global service.'
          }
        />
      </CardSection>
      <CardSection title="Used by">
        <ProjectLinksList
          label="Used by"
          links={summary.consumers}
          sharedSystem={sharedSystem}
          empty={
            isGlobal
              ? 'No project uses the global services.'
              : 'No service of another project uses its services.'
          }
        />
      </CardSection>
      <CardSection title="Findings">
        <ProjectFindingsLine
          project={project.id}
          registry={registry}
          findings={summary.findings}
        />
      </CardSection>
      <CardSection title="SLA">
        <ProjectSlaLine
          project={project.id}
          registry={registry}
          sla={summary.sla}
        />
      </CardSection>
    </>
  );
}

/**
 * What the service registry knows about the project a System stands for: its facts (owner, tier,
 * environment) and where it is declared; its services with status, version, tier, findings and
 * whether they depend on a deprecated service; the global services it overrides; the other
 * projects (and global services) it depends on and those that use it, each linked to its System
 * page; its findings (linked to the findings page filtered by the project) and the SLA compliance
 * of its services (linked to the SLA page filtered by the project). On the shared System, the same for the global services.
 *
 * Meant for a System's page, under `<EntitySwitch.Case if={isServiceRegistryProject}>`.
 *
 * @public
 */
export function EntitySystemServiceRegistryCard(
  props: EntitySystemServiceRegistryCardProps,
) {
  const {
    title = 'Project in the service registry',
    variant,
    sharedSystem = 'shared',
  } = props;
  const { entity } = useEntity();
  const api = useApi(serviceRegistryApiRef);
  const projectId = projectIdOfSystem(entity, sharedSystem);
  const registry = registryOfEntity(entity);
  const state = useAbortableAsync(
    signal => api.getProjectSummary(projectId, { registry }, { signal }),
    [api, projectId, registry],
  );
  const what =
    projectId === GLOBAL_PROJECT_ID
      ? 'the global services'
      : `project ${projectId}`;

  return (
    <InfoCard
      title={title}
      subheader={`What ${registryWords(registry)} knows about ${what}`}
      titleTypographyProps={{ component: 'h2' }}
      variant={variant}
    >
      <ServiceEntityRefsProvider registry={registry}>
        <RegistryCardContent
          state={state}
          notFound={
            projectId === GLOBAL_PROJECT_ID
              ? `${registryWords(registry, true)} declares no global services.`
              : `${registryWords(
                  registry,
                  true,
                )} has no project "${projectId}".`
          }
          isNotFound={isUnknownProjectError}
          errorTitle={`Could not load what the registry knows of ${what}`}
        >
          {summary => (
            <ProjectSummaryDetails
              summary={summary}
              sharedSystem={sharedSystem}
              registry={registry}
              catalogOwner={catalogFactsOfEntity(entity).owner}
            />
          )}
        </RegistryCardContent>
      </ServiceEntityRefsProvider>
    </InfoCard>
  );
}
