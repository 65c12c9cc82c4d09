import { useMemo, useState } from 'react';
import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import { RegistryErrorPanel } from '../RegistryErrorPanel';
import { useApi } from '@backstage/core-plugin-api';
import { Grid } from '@material-ui/core';
import { serviceRegistryApiRef } from '../../api/ServiceRegistryApi';
import { useAbortableAsync } from '../useAbortableAsync';
import { ServiceRegistryTopology } from './ServiceRegistryTopology';
import { usePageRegistry } from '../usePageRegistry';
import { ServiceEntityRefsProvider } from '../ServiceEntityRefs';

/**
 * Props of {@link ServiceRegistryTopologyPage}.
 *
 * @public
 */
export interface ServiceRegistryTopologyPageProps {
  /**
   * The registry (catalog provider) id. A link's `?registry=` comes first; without either, the
   * page names no registry and the backend answers its only one (or `default` among several).
   */
  registry?: string;
  /** Page title (default "Service topology"). */
  title?: string;
}

/**
 * The portal-wide dependency map of the service registry: grouping by project or owner,
 * filters, search and an impact mode.
 *
 * @public
 */
export function ServiceRegistryTopologyPage(
  props: ServiceRegistryTopologyPageProps,
) {
  const { title = 'Service topology' } = props;
  const registry = usePageRegistry(props.registry);
  const api = useApi(serviceRegistryApiRef);
  const [reload, setReload] = useState(0);
  const { value, loading, error } = useAbortableAsync(
    signal => api.getGraph({ registry }, { signal }),
    [api, registry, reload],
  );
  const subtitle = useMemo(() => {
    if (!value) return 'Dependencies of every service in the registry';
    // a node that no registry file declares is a placeholder for a missing dependency, not a service
    const declared = value.nodes.filter(n => n.declared).length;
    const missing = value.nodes.length - declared;
    return [
      `${declared} services`,
      ...(missing > 0 ? [`${missing} missing`] : []),
      `${value.edges.length} dependencies`,
      `${value.projects.length} projects`,
      `registry "${value.registry}"`,
    ].join(' · ');
  }, [value]);

  let body: JSX.Element;
  if (loading && !value) {
    body = <Progress />;
  } else if (error) {
    body = (
      <RegistryErrorPanel
        error={error}
        title="Could not load the service registry"
      />
    );
  } else if (!value || value.nodes.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="The registry declares no services"
        description="Add services to the registry's TOML files; they show here once the catalog has ingested them."
      />
    );
  } else {
    body = (
      <>
        {value.state !== 'ok' && (
          <Grid item xs={12}>
            <WarningPanel
              severity="warning"
              title={`The registry snapshot is ${value.state}`}
              message="The graph shows the last good snapshot; see the registry's findings for what to fix."
            />
          </Grid>
        )}
        <ServiceEntityRefsProvider registry={value.registry}>
          <ServiceRegistryTopology
            graph={value}
            registry={registry}
            onReload={() => setReload(r => r + 1)}
          />
        </ServiceEntityRefsProvider>
      </>
    );
  }

  return (
    <Page themeId="tool">
      <Header title={title} subtitle={subtitle} />
      <Content>
        <ContentHeader title="Portal-wide dependency map" />
        {body}
      </Content>
    </Page>
  );
}
