import { Box, makeStyles, Typography } from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { serviceRegistryApiRef } from '../../api/ServiceRegistryApi';
import { useAbortableAsync } from '../useAbortableAsync';
import { DeprecatedDependency, ReplacementInfo } from '../../api/types';
import { isServiceRegistryService } from '../../conditions';
import { sunsetDistance } from '../DeprecationTimeline/deprecationFormat';
import { ServiceLink } from '../ServiceLink';
import { ReplacementName } from '../ReplacementName';
import { registryOfEntity } from '../../lib/registryOfEntity';
import { errorMessage } from '../../api/errorMessage';
import {
  isHeldBackServiceError,
  isUnknownServiceError,
} from '../../api/notFound';
import { serviceIdOfEntity } from '../../lib/serviceIdOfEntity';
import { ServiceEntityRefsProvider } from '../ServiceEntityRefs';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  },
}));

/**
 * Props of {@link EntityDeprecatedDependenciesWarning}.
 *
 * @public
 */
export interface EntityDeprecatedDependenciesWarningProps {
  /** Also warn about dependencies declared as optional (default true). */
  includeOptional?: boolean;
}

/** `Sunset on 2026-11-10 (12 days overdue)`. */
function sunsetLine(item: DeprecatedDependency): string {
  if (!item.sunsetDate) return 'No sunset date announced yet.';
  return `Sunset on ${item.sunsetDate} (${sunsetDistance(
    item.daysToSunset,
    item.status,
  )}).`;
}

/** Why a replacement is not where to migrate: `itself deprecated`, `not declared…`. */
function replacementState(replacement: ReplacementInfo): string | undefined {
  if (!replacement.exists) return 'not declared in the registry';
  if (replacement.retired) return 'itself retired';
  if (replacement.deprecated) return 'itself deprecated';
  return undefined;
}

/**
 * Where the consumer should go, as validation says it: the live end of the replacement chain
 * (`replacement.migrateTo`), with the named replacement when it is not that end (itself
 * deprecated or retired); the consumer that is that live end is told to take over what it still
 * uses the service for; a chain that reaches no live service sends the consumer to the owners.
 */
function MigrationAdvice(props: {
  item: DeprecatedDependency;
  consumer: string;
}) {
  const { item, consumer } = props;
  const replacement = item.replacement!;
  const { migrateTo } = replacement;
  const state = replacementState(replacement);
  const named = <ReplacementName replacement={replacement} />;
  if (migrateTo === undefined) {
    return (
      <>
        {'Its replacement '}
        {named}
        {` (${
          state?.replace(/^itself /, '') ?? 'not live'
        }) leads to no live service: ask the owners of ${
          item.service
        } where to migrate.`}
      </>
    );
  }
  const end = migrateTo !== replacement.id;
  if (migrateTo === consumer) {
    return (
      <>
        {`${consumer} is its ${
          end ? 'live successor' : 'replacement'
        }: take over what it still uses ${item.service} for.`}
      </>
    );
  }
  return (
    <>
      {'Migrate to '}
      <ServiceLink service={migrateTo} status={undefined} underline="always" />
      {end ? (
        <>
          {', the live end of its replacements: its replacement '}
          {named}
          {state ? ` is ${state}.` : ' is not live.'}
        </>
      ) : (
        '.'
      )}
    </>
  );
}

/**
 * One dependency's alert. Its links are underlined: in the alert's coloured text, a link's colour
 * alone does not set it apart. A retired service (the dependency, or its replacement) is not in
 * the catalog: it is named as text, with its status.
 */
function DependencyAlert(props: {
  item: DeprecatedDependency;
  consumer: string;
}) {
  const { item, consumer } = props;
  const kind = item.optional ? 'optional dependency' : 'dependency';
  const { replacement } = item;
  return (
    <Alert
      severity={item.severity}
      aria-label={`${item.lifecycle} ${kind} ${item.service}`}
    >
      <AlertTitle>
        {`Depends on ${item.lifecycle} service `}
        {/* the title says whether it is retired */}
        <ServiceLink
          service={item.service}
          status={item.lifecycle}
          underline="always"
          showRetired={false}
        />
        {item.optional ? ' (optional)' : ''}
      </AlertTitle>
      <Typography variant="body2" component="div">
        {item.lifecycle === 'retired'
          ? `${item.service} is retired. `
          : `${sunsetLine(item)} `}
        {replacement ? (
          <MigrationAdvice item={item} consumer={consumer} />
        ) : (
          'No replacement is named: ask its owners for the successor.'
        )}
        {item.guideUrl && (
          <>
            {' '}
            <Link to={item.guideUrl} underline="always">
              Migration guide
            </Link>
          </>
        )}
        {item.viaProject && (
          <Typography variant="caption" component="p" color="textSecondary">
            {`Declared by the ${item.viaProject} project's override.`}
          </Typography>
        )}
      </Typography>
    </Alert>
  );
}

/**
 * A banner for a consumer's page: one warning per deprecated service the current service depends
 * on, one error per retired one or one whose sunset has passed (the `severity` the backend gives),
 * each with its sunset date and where to migrate: the live end of its replacement chain (linked
 * to its catalog page), or, when the chain reaches no live service, to ask the owners. Renders
 * nothing when there is nothing to say: no such dependency, an entity that is not a registry
 * service, a service the registry does not know (404) or one the catalog holds back (its file is
 * not taken as written; the page's cards say why), and while loading. Other errors, among
 * them the 404 of a registry the backend does not have, show a small error alert.
 *
 * @public
 */
export function EntityDeprecatedDependenciesWarning(
  props: EntityDeprecatedDependenciesWarningProps,
) {
  const { includeOptional = true } = props;
  const { entity } = useEntity();
  const api = useApi(serviceRegistryApiRef);
  const classes = useStyles();
  const applies = isServiceRegistryService(entity);
  const service = serviceIdOfEntity(entity);
  const registry = registryOfEntity(entity);
  const { value, loading, error } = useAbortableAsync(
    async signal =>
      applies
        ? api.getDeprecatedDependencies(service, { registry }, { signal })
        : undefined,
    [api, service, registry, applies],
  );

  if (!applies || loading) return null;
  if (error) {
    // a service the catalog holds back: the page's cards say so, and why; no banner repeats it
    if (isUnknownServiceError(error) || isHeldBackServiceError(error)) {
      return null;
    }
    return (
      <Alert severity="error">
        {`Could not check ${service}'s dependencies for deprecations: ${errorMessage(
          error,
        )}`}
      </Alert>
    );
  }
  const items = (value?.items ?? []).filter(
    i => includeOptional || !i.optional,
  );
  if (items.length === 0) return null;
  return (
    <Box
      className={classes.root}
      role="region"
      aria-label="Deprecated dependencies"
    >
      <ServiceEntityRefsProvider registry={registry}>
        {items.map(item => (
          <DependencyAlert key={item.service} item={item} consumer={service} />
        ))}
      </ServiceEntityRefsProvider>
    </Box>
  );
}
