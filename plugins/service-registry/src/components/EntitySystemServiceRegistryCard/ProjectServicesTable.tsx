import {
  Box,
  List,
  ListItem,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  makeStyles,
} from '@material-ui/core';
import WarningIcon from '@material-ui/icons/Warning';
import { ProjectSummaryService } from '../../api/types';
import { CompactTable } from '../RegistryCardParts/CompactTable';
import { ServiceStatusChip } from '../EntityServiceRegistryCard/ServiceStatusChip';
import { ServiceLink } from '../ServiceLink';
import { findingsCountText } from './projectSummaryText';
import { readableText } from '../contrast';
import { useNarrowScreen } from '../useNarrowScreen';
import { useEntryListStyles } from '../entryListStyles';

const useStyles = makeStyles(theme => ({
  service: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.25),
  },
  marker: {
    display: 'inline-flex',
    alignItems: 'flex-start',
    gap: theme.spacing(0.5),
    // the warning colour, as dark (light) as the words need to read on the card
    color: readableText(theme, theme.palette.warning.main),
    '& svg': { fontSize: '1rem', flexShrink: 0 },
  },
  missing: { color: theme.palette.text.secondary },
}));

/** The service's cell: a link to its entity page (a retired service has none), and its markers. */
function ServiceCell(props: { service: ProjectSummaryService }) {
  const { service } = props;
  const classes = useStyles();
  const deprecated = service.deprecatedDependencies;
  return (
    <Box className={classes.service}>
      <span>
        {/* a retired service is not in the catalog; the status column says so */}
        <ServiceLink
          service={service.id}
          status={service.status}
          showRetired={false}
        />
      </span>
      {service.name !== service.id && (
        <Typography variant="caption" color="textSecondary">
          {service.name}
        </Typography>
      )}
      {deprecated.length > 0 && (
        <Typography
          variant="caption"
          className={classes.marker}
          data-marker="deprecated-dependency"
        >
          <WarningIcon aria-hidden />
          {`Depends on a deprecated service: ${deprecated.join(', ')}`}
        </Typography>
      )}
      {service.overriddenBy.length > 0 && (
        <Typography variant="caption" color="textSecondary">
          {`Overridden by ${service.overriddenBy.join(', ')}`}
        </Typography>
      )}
    </Box>
  );
}

/** The effective tier, `(inherited)` when it is the project's. */
function tierCell(service: ProjectSummaryService): string | undefined {
  if (!service.effectiveTier) return undefined;
  return service.tier ? service.tier : `${service.effectiveTier} (inherited)`;
}

/**
 * The services of a project, by id: each linked to its entity page with its name, whether it
 * depends on a deprecated or retired service, its lifecycle status, version, effective tier and
 * findings counted. On a phone, where the table's five columns cut off the findings and wrapped
 * the names and markers a word a line, each service takes a few lines: its cell with the status
 * at its end, then its version, tier and findings.
 */
export function ProjectServicesTable(props: {
  /** The table's accessible name. */
  label: string;
  services: ProjectSummaryService[];
}) {
  const { label, services } = props;
  const classes = useStyles();
  const listClasses = useEntryListStyles();
  const narrow = useNarrowScreen();
  const missing = (text: string) => (
    <span className={classes.missing}>{text}</span>
  );
  const status = (service: ProjectSummaryService) =>
    service.status ? (
      <ServiceStatusChip status={service.status} />
    ) : (
      missing('not declared')
    );
  if (narrow) {
    return (
      <List className={listClasses.list} aria-label={label}>
        {services.map(service => (
          <ListItem key={service.id} divider className={listClasses.item}>
            <Box className={listClasses.heading}>
              <div className={listClasses.name}>
                <ServiceCell service={service} />
              </div>
              <Typography variant="body2" component="div">
                {status(service)}
              </Typography>
            </Box>
            <Typography
              variant="body2"
              component="dl"
              className={listClasses.facts}
            >
              <dt>Version</dt>
              <dd>{service.version ?? missing('none')}</dd>
              <dt>Tier</dt>
              <dd>{tierCell(service) ?? missing('none')}</dd>
              <dt>Findings</dt>
              <dd>{findingsCountText(service.findings)}</dd>
            </Typography>
          </ListItem>
        ))}
      </List>
    );
  }
  return (
    <CompactTable label={label}>
      <TableHead>
        <TableRow>
          <TableCell>Service</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Version</TableCell>
          <TableCell>Tier</TableCell>
          <TableCell>Findings</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {services.map(service => (
          <TableRow key={service.id}>
            <TableCell component="th" scope="row" role="rowheader">
              <ServiceCell service={service} />
            </TableCell>
            <TableCell>{status(service)}</TableCell>
            <TableCell>{service.version ?? missing('none')}</TableCell>
            <TableCell>{tierCell(service) ?? missing('none')}</TableCell>
            <TableCell>{findingsCountText(service.findings)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </CompactTable>
  );
}
