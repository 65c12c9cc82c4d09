import {
  Box,
  Chip,
  Divider,
  Grid,
  List,
  ListItem,
  ListItemText,
  Typography,
  makeStyles,
  useTheme,
} from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import {
  InfoCard,
  InfoCardVariants,
  Link,
  Progress,
} from '@backstage/core-components';
import { RegistryErrorPanel } from '../RegistryErrorPanel';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { serviceRegistryApiRef } from '../../api/ServiceRegistryApi';
import { useAbortableAsync } from '../useAbortableAsync';
import { isHeldBackServiceError, notFoundKind } from '../../api/notFound';
import { HeldBackAlert } from '../RegistryCardParts/HeldBackAlert';
import {
  DeprecationConsumer,
  DeprecationHistoryPoint,
  DeprecationRecord,
} from '../../api/types';
import { serviceProjectPhrase } from '../../lib/serviceProjectLabel';
import { BurnDownChart } from '../BurnDownChart';
import {
  DeprecationStatusChip,
  deprecationColor,
  formatEffort,
  pluralDays,
  sunsetDistance,
} from '../DeprecationTimeline/deprecationFormat';
import { ServiceLink } from '../ServiceLink';
import { ReplacementName } from '../ReplacementName';
import { registryOfEntity } from '../../lib/registryOfEntity';
import { RemindConsumersButton } from './RemindConsumersButton';
import { readableText } from '../contrast';
import { serviceIdOfEntity } from '../../lib/serviceIdOfEntity';
import { ServiceEntityRefsProvider } from '../ServiceEntityRefs';

const useStyles = makeStyles(theme => ({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(2),
  },
  section: { marginTop: theme.spacing(2) },
  chip: { marginLeft: theme.spacing(0.5), height: 20 },
  distance: { fontWeight: 700 },
  replacementWarning: { color: readableText(theme, theme.palette.error.main) },
  list: { paddingTop: 0 },
}));

/**
 * Props of {@link EntityServiceMigrationCard}.
 *
 * @public
 */
export interface EntityServiceMigrationCardProps {
  /** Card title (default "Migration"). */
  title?: string;
  /** Card variant, as `InfoCard` takes it (e.g. `gridItem`). */
  variant?: InfoCardVariants;
  /** Height of the burn-down chart in pixels (default 180). */
  chartHeight?: number;
}

const DIFFICULTY_LABELS: Record<string, string> = {
  easy: 'Easy',
  moderate: 'Moderate',
  hard: 'Hard',
};

/** `196 days ago`, `today`, `in 5 days`. */
function sinceText(days: number | undefined): string {
  if (days === undefined) return '';
  if (days === 0) return ' (today)';
  return days > 0 ? ` (${pluralDays(days)} ago)` : ` (in ${pluralDays(-days)})`;
}

/** The backend's 404 of a service that is not deprecated or retired, or not in the registry. */
function isNoMigration(error: Error): boolean {
  const kind = notFoundKind(error);
  return kind === 'not-deprecated' || kind === 'service';
}

/**
 * The migration off the current service when the registry marks it deprecated or retired:
 * deprecation and sunset dates with the days left (or overdue), the replacement and the migration
 * guide (and, when the replacement is itself deprecated, retired or undeclared, the live end of
 * its replacements to migrate to, or that there is none and to ask the owners), the difficulty,
 * the consumers left (each linked to its catalog page, with project and owner), the estimated
 * remaining effort, a status chip (On track, At risk, Overdue, Retired…) and the burn-down of
 * consumers over time.
 *
 * Meant for a deprecated service's page, under
 * `<EntitySwitch.Case if={isServiceRegistryDeprecated}>`. When the backend answers 404 (the service
 * is not deprecated, or not in the registry, e.g. the annotation is stale) the card stays and says
 * so in one friendly line rather than disappearing, so that whoever placed it knows why it is
 * empty; for a service the catalog holds back (its file is not taken as written) it shows the
 * backend's warning that says where and why. Any other 404, such as that of a registry the backend does not have, is an error.
 *
 * @public
 */
export function EntityServiceMigrationCard(
  props: EntityServiceMigrationCardProps,
) {
  const { title = 'Migration', variant, chartHeight = 180 } = props;
  const { entity } = useEntity();
  const api = useApi(serviceRegistryApiRef);
  const service = serviceIdOfEntity(entity);
  const registry = registryOfEntity(entity);
  const { value, loading, error } = useAbortableAsync(
    signal => api.getDeprecation(service, { registry }, { signal }),
    [api, service, registry],
  );

  let content: JSX.Element;
  if (loading) {
    content = <Progress />;
  } else if (isHeldBackServiceError(error)) {
    // the catalog holds the service back (its file is not taken as written): the backend says why
    content = <HeldBackAlert error={error} />;
  } else if (error && isNoMigration(error)) {
    content = (
      <Box>
        <Typography variant="subtitle1" component="p">
          Not deprecated
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {`${
            registry
              ? `The service registry "${registry}"`
              : 'The service registry'
          } does not mark ${service} as deprecated or retired, so there is no migration to follow.`}
        </Typography>
      </Box>
    );
  } else if (error) {
    content = (
      <RegistryErrorPanel
        error={error}
        title="Could not load the migration status"
      />
    );
  } else if (!value) {
    content = <Progress />;
  } else {
    content = (
      <MigrationDetails
        record={value.record}
        history={value.history}
        chartHeight={chartHeight}
        registry={registry}
      />
    );
  }
  return (
    <InfoCard
      title={title}
      titleTypographyProps={{ component: 'h2' }}
      subheader="Deprecation and migration, from the service registry"
      variant={variant}
    >
      <ServiceEntityRefsProvider registry={registry}>
        {content}
      </ServiceEntityRefsProvider>
    </InfoCard>
  );
}

function ConsumerItem(props: { consumer: DeprecationConsumer }) {
  const { consumer } = props;
  const classes = useStyles();
  const details = [
    serviceProjectPhrase(consumer.project),
    consumer.owner ? `owner ${consumer.owner}` : 'no owner',
    consumer.range ? `asks for ${consumer.range}` : undefined,
  ].filter(Boolean);
  return (
    <ListItem disableGutters>
      <ListItemText
        primary={
          <>
            <ServiceLink service={consumer.id} status={consumer.status} />
            {consumer.name !== consumer.id && (
              <Typography
                variant="body2"
                component="span"
                color="textSecondary"
              >
                {` ${consumer.name}`}
              </Typography>
            )}
            {consumer.optional && (
              <Chip
                label="optional"
                size="small"
                variant="outlined"
                className={classes.chip}
              />
            )}
          </>
        }
        secondary={details.join(' · ')}
      />
    </ListItem>
  );
}

/** What the card says about a replacement: its link and whether it is a valid successor. */
function Replacement(props: { record: DeprecationRecord }) {
  const { replacement } = props.record;
  const classes = useStyles();
  if (!replacement) {
    return (
      <Typography variant="body2">
        Replacement: none named (no replacement_service)
      </Typography>
    );
  }
  let warning: string | undefined;
  if (!replacement.exists) warning = 'not declared in the registry';
  else if (replacement.retired) warning = 'itself retired';
  else if (replacement.deprecated) warning = 'itself deprecated';
  return (
    <Typography variant="body2" component="div">
      {'Replacement: '}
      <ReplacementName replacement={replacement} />
      {replacement.name && replacement.name !== replacement.id
        ? ` (${replacement.name})`
        : ''}
      {warning && (
        <Typography
          variant="body2"
          component="span"
          className={classes.replacementWarning}
        >
          {` — ${warning}`}
        </Typography>
      )}
    </Typography>
  );
}

/**
 * Where consumers should migrate, when it is not the named replacement: the live end of its chain
 * of replacements (`replacement.migrateTo`, as validation names it), or, when the chain reaches no
 * live service, that there is none and to ask the owners. Nothing when the replacement is that
 * live service, or none is named (the replacement line says so).
 */
function MigrateTo(props: { record: DeprecationRecord }) {
  const { record } = props;
  const { replacement } = record;
  if (!replacement || replacement.migrateTo === replacement.id) return null;
  if (replacement.migrateTo === undefined) {
    const why = replacement.exists
      ? 'its replacements reach no live service'
      : `its replacement ${replacement.id} is not declared`;
    const owners = record.owner
      ? `the owners of ${record.service} (${record.owner})`
      : `the owners of ${record.service}`;
    return (
      <Typography variant="body2">
        {`Migrate to: no live successor (${why}): ask ${owners} where to migrate`}
      </Typography>
    );
  }
  return (
    <Typography variant="body2" component="div">
      {'Migrate to: '}
      <ServiceLink
        service={replacement.migrateTo}
        status={undefined}
        underline="always"
      />
      , the live end of its replacements
    </Typography>
  );
}

/** The card's body once the record is loaded. */
function MigrationDetails(props: {
  record: DeprecationRecord;
  history: DeprecationHistoryPoint[];
  chartHeight: number;
  registry: string | undefined;
}) {
  const { record, history, chartHeight, registry } = props;
  const classes = useStyles();
  const consumers = [...record.consumers, ...record.optionalConsumers];
  const theme = useTheme();
  // the status colour, as dark (light) as the words need to read on the card
  const color = readableText(
    theme,
    deprecationColor(theme, record.status, record.lifecycle),
  );
  const perConsumer = record.effortHoursPerConsumer;
  return (
    <>
      <Box className={classes.header}>
        <DeprecationStatusChip
          status={record.status}
          lifecycle={record.lifecycle}
          size="medium"
        />
        <Typography variant="body2">{record.message}</Typography>
      </Box>
      <Grid container spacing={2}>
        <Grid item xs={12} md={6}>
          <Typography variant="body2">
            {record.deprecationDate
              ? `Deprecated on ${record.deprecationDate}${sinceText(
                  record.daysSinceDeprecation,
                )}`
              : 'Deprecated (no deprecation date)'}
          </Typography>
          <Typography variant="body2" component="div">
            {record.sunsetDate
              ? `Sunset on ${record.sunsetDate}: `
              : 'Sunset: '}
            <span className={classes.distance} style={{ color }}>
              {sunsetDistance(record.daysToSunset, record.status)}
            </span>
          </Typography>
          {record.supportUntil && (
            <Typography variant="body2">
              {`Supported until ${record.supportUntil}`}
            </Typography>
          )}
          {record.lifecycle === 'retired' && (
            <Typography variant="body2">Lifecycle: retired</Typography>
          )}
        </Grid>
        <Grid item xs={12} md={6}>
          <Replacement record={record} />
          <MigrateTo record={record} />
          <Typography variant="body2" component="div">
            {'Migration guide: '}
            {record.guideUrl ? (
              <Link to={record.guideUrl} underline="always">
                {record.guideUrl}
              </Link>
            ) : (
              'none given'
            )}
          </Typography>
          <Typography variant="body2">
            {`Difficulty: ${
              record.difficulty
                ? DIFFICULTY_LABELS[record.difficulty] ?? record.difficulty
                : 'not given'
            }`}
          </Typography>
          <Typography variant="body2">
            {`Estimated remaining effort: ${
              record.remainingEffortHours === undefined
                ? 'unknown'
                : formatEffort(record.remainingEffortHours)
            }`}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            {perConsumer === undefined
              ? 'No estimated_effort_hours declared for one consumer.'
              : `${record.remainingConsumers} ${
                  record.remainingConsumers === 1 ? 'consumer' : 'consumers'
                } × ${formatEffort(perConsumer)}`}
          </Typography>
        </Grid>
      </Grid>
      <Divider className={classes.section} />
      <Box className={classes.section}>
        <Typography variant="subtitle2" component="h3">
          {`Remaining consumers (${record.remainingConsumers})`}
        </Typography>
        {consumers.length === 0 ? (
          <Alert severity="success">
            {record.lifecycle === 'retired'
              ? `No consumers left: nothing depends on ${record.service} any more.`
              : `No consumers left: ${record.service} can be retired.`}
          </Alert>
        ) : (
          <>
            <List
              dense
              className={classes.list}
              aria-label="Remaining consumers"
            >
              {consumers.map(c => (
                <ConsumerItem key={c.id} consumer={c} />
              ))}
            </List>
            <RemindConsumersButton
              service={record.service}
              registry={registry}
            />
          </>
        )}
      </Box>
      <Box className={classes.section}>
        <Typography variant="subtitle2" component="h3">
          Burn-down
        </Typography>
        <BurnDownChart
          history={history}
          sunsetDate={record.sunsetDate}
          subject={record.service}
          height={chartHeight}
        />
      </Box>
    </>
  );
}
