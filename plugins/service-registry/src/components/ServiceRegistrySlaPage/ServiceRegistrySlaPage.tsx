import { useMemo } from 'react';
import { EmptyState, InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, Typography, makeStyles } from '@material-ui/core';
import { AsyncContent } from '../AsyncContent';
import { RegistryPage } from '../RegistryPage';
import { serviceRegistryApiRef } from '../../api/ServiceRegistryApi';
import { useAbortableAsync } from '../useAbortableAsync';
import { SlaOverviewResponse } from '../../api/types';
import { filterOptions, filterSlaOverview } from './filterSlaOverview';
import { SlaFilterBar } from './SlaFilterBar';
import { SlaProjectCounts } from './SlaProjectCounts';
import { SlaTierSection } from './SlaTierSection';
import { SLA_SORT_FIELDS } from './sortServices';
import { useQuerySorting } from '../querySorting';
import { SortMenu } from '../SortMenu';
import { useNarrowScreen } from '../useNarrowScreen';
import { useSlaFilters } from './useSlaFilters';
import { usePageTextStyles } from '../usePageTextStyles';
import { usePageRegistry } from '../usePageRegistry';
import { ServiceEntityRefsProvider } from '../ServiceEntityRefs';

/**
 * Props of {@link ServiceRegistrySlaPage}.
 *
 * @public
 */
export interface ServiceRegistrySlaPageProps {
  /**
   * The registry (catalog provider) id. A link's `?registry=` comes first; without either, the
   * page names no registry and the backend answers its only one (or `default` among several).
   */
  registry?: string;
  /** Page title (default "Service SLAs"). */
  title?: string;
}

/** Why the page counts fewer services than the topology: the words of the System card. */
const RETIRED_NOT_COUNTED = '(retired services are not counted)';

function subtitleOf(overview: SlaOverviewResponse | undefined): string {
  if (!overview) {
    return 'Declared service levels of every service against its tier policy';
  }
  const { counts } = overview;
  return `${counts.services} services ${RETIRED_NOT_COUNTED} · ${counts.compliant} compliant · ${counts.nonCompliant} not compliant · ${counts.incomplete} incomplete · ${counts.noPolicy} without policy · registry "${overview.registry}"`;
}

const useStyles = makeStyles(theme => ({
  // below the filters, as wide as they are
  sort: { minWidth: 160, marginBottom: theme.spacing(2) },
}));

/**
 * The page body once the overview is loaded: filters, the counts per project (a summary above
 * the tiers, across the page: beside them, its six columns did not fit), then the tiers.
 */
function SlaOverviewBody(props: { overview: SlaOverviewResponse }) {
  const { overview } = props;
  const pageText = usePageTextStyles();
  const classes = useStyles();
  const [filters, setFilters] = useSlaFilters();
  // the tables' sorting (the menu's on a phone), kept in the URL as the filters are
  const [sort, setSort] = useQuerySorting(SLA_SORT_FIELDS);
  // a phone lists each tier's services, without the tables' headers to sort by: a menu instead
  const narrow = useNarrowScreen();
  const options = useMemo(
    () => filterOptions(overview, filters),
    [overview, filters],
  );
  const shown = useMemo(
    () => filterSlaOverview(overview, filters),
    [overview, filters],
  );
  const projectNames = useMemo(
    () =>
      new Map(
        overview.projects.flatMap(p =>
          p.project !== null && p.name ? [[p.project, p.name]] : [],
        ),
      ),
    [overview],
  );
  return (
    <>
      <SlaFilterBar filters={filters} options={options} onChange={setFilters} />
      {narrow && (
        <SortMenu
          id="service-registry-sla-sort"
          fields={SLA_SORT_FIELDS}
          sorting={sort}
          unsortedLabel="Service id, A to Z"
          onChange={setSort}
          className={classes.sort}
          labelClassName={pageText.secondary}
        />
      )}
      <Typography variant="body2" className={pageText.secondary} gutterBottom>
        {`Showing ${shown.counts.services} of ${overview.counts.services} services ${RETIRED_NOT_COUNTED}`}
      </Typography>
      {shown.counts.services === 0 ? (
        <EmptyState
          missing="data"
          title="No service matches the filters"
          description="Change or clear the filters to see services."
        />
      ) : (
        <>
          <Box component="section" aria-label="Per project" mb={3}>
            <InfoCard
              title="Per project"
              titleTypographyProps={{ component: 'h2' }}
            >
              <SlaProjectCounts
                projects={shown.projects}
                total={shown.counts}
              />
            </InfoCard>
          </Box>
          {shown.tiers.map(tier => (
            <SlaTierSection
              key={tier.tier ?? ':none'}
              tier={tier}
              projectNames={projectNames}
              sort={sort}
              onSort={setSort}
            />
          ))}
        </>
      )}
    </>
  );
}

/**
 * The SLA standing of every service of the registry, grouped by effective tier with each tier's
 * policy: declared availability and p99, compliance and gaps per service, linked to its catalog
 * page; filterable by project, tier, owner and compliance, with compliance counts per project.
 *
 * @public
 */
export function ServiceRegistrySlaPage(props: ServiceRegistrySlaPageProps) {
  const { title = 'Service SLAs' } = props;
  const registry = usePageRegistry(props.registry);
  const api = useApi(serviceRegistryApiRef);
  const state = useAbortableAsync(
    signal => api.getSlaOverview({ registry }, { signal }),
    [api, registry],
  );
  return (
    <RegistryPage
      title={title}
      subtitle={subtitleOf(state.value)}
      contentTitle="Declared service levels against tier policies"
    >
      <AsyncContent
        state={state}
        errorTitle="Could not load the SLA overview"
        isEmpty={overview => overview.counts.services === 0}
        empty={{
          title: 'The registry declares no services',
          description:
            "Add services to the registry's TOML files; their SLAs show here once the catalog has ingested them.",
        }}
      >
        {overview => (
          <ServiceEntityRefsProvider registry={overview.registry}>
            <SlaOverviewBody overview={overview} />
          </ServiceEntityRefsProvider>
        )}
      </AsyncContent>
    </RegistryPage>
  );
}
