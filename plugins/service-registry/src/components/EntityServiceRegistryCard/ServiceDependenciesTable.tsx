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
import { ServiceSummaryDependency } from '../../api/types';
import { CompactTable } from '../RegistryCardParts/CompactTable';
import {
  DependencyVerdict,
  dependencyVersionCheck,
  VERDICT_MARKS,
} from './dependencyVersionCheck';
import { isEndOfLife, ServiceStatusChip } from './ServiceStatusChip';
import { ServiceLink } from '../ServiceLink';
import { readableText } from '../contrast';
import { useNarrowScreen } from '../useNarrowScreen';
import { useEntryListStyles } from '../entryListStyles';

const useStyles = makeStyles(theme => ({
  service: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  },
  // the status colours, as dark (light) as the words need to read on the card
  satisfied: { color: readableText(theme, theme.palette.success.main) },
  unsatisfied: { color: readableText(theme, theme.palette.error.main) },
  unknown: { color: theme.palette.text.secondary },
  undeclared: { color: readableText(theme, theme.palette.error.main) },
  mark: { fontWeight: 700, marginRight: theme.spacing(0.5) },
}));

/** The key of a dependency: a service may be both required and optional, or listed twice. */
function dependencyKey(dependency: ServiceSummaryDependency): string {
  return `${dependency.optional ? 'optional' : 'required'}:${
    dependency.service
  }:${dependency.raw}`;
}

/** The range as written, or that any version is accepted. */
function RangeText(props: { dependency: ServiceSummaryDependency }) {
  const { range } = props.dependency;
  return range ? (
    <>{range}</>
  ) : (
    <Typography variant="body2" color="textSecondary" component="span">
      any version
    </Typography>
  );
}

/**
 * The provider's cell: a link to its entity page (a retired provider, which the catalog does not
 * have, as text beside its status), or the marker of a service nobody declares.
 */
function ProviderCell(props: { dependency: ServiceSummaryDependency }) {
  const { dependency } = props;
  const classes = useStyles();
  return (
    <Box className={classes.service}>
      {dependency.declared ? (
        <ServiceLink
          service={dependency.service}
          status={dependency.status}
          showRetired={false}
        />
      ) : (
        <>
          <span>{dependency.service}</span>
          <Typography
            variant="caption"
            component="span"
            className={classes.undeclared}
          >
            not declared in the registry
          </Typography>
        </>
      )}
      {isEndOfLife(dependency.status) && (
        <>
          <ServiceStatusChip status={dependency.status!} />
          {dependency.sunsetDate && (
            <Typography variant="caption" color="textSecondary">
              {`sunset ${dependency.sunsetDate}`}
            </Typography>
          )}
        </>
      )}
    </Box>
  );
}

/** ✓, ✗ or ? followed by the words of the check. */
function VersionCheckCell(props: { dependency: ServiceSummaryDependency }) {
  const classes = useStyles();
  const { verdict, text } = dependencyVersionCheck(props.dependency);
  const verdictClass: Record<DependencyVerdict, string> = {
    satisfied: classes.satisfied,
    unsatisfied: classes.unsatisfied,
    unknown: classes.unknown,
  };
  return (
    <span className={verdictClass[verdict]} data-verdict={verdict}>
      <span className={classes.mark} aria-hidden>
        {VERDICT_MARKS[verdict]}
      </span>
      {text}
    </span>
  );
}

/**
 * The dependencies of a service, required first: each provider (linked to its entity page, or
 * marked as not declared, with its deprecated or retired status), whether it is required or
 * optional, the range as written, and the provider's version checked against the range. On a
 * phone, where the table's four columns scrolled and wrapped the check over three lines, each
 * dependency takes three lines: the provider, its kind and range, the check.
 */
export function ServiceDependenciesTable(props: {
  serviceId: string;
  dependencies: ServiceSummaryDependency[];
}) {
  const { serviceId, dependencies } = props;
  const listClasses = useEntryListStyles();
  const narrow = useNarrowScreen();
  if (narrow) {
    return (
      <List
        className={listClasses.list}
        aria-label={`Dependencies of ${serviceId}`}
      >
        {dependencies.map(dependency => (
          <ListItem
            key={dependencyKey(dependency)}
            divider
            className={listClasses.item}
          >
            <ProviderCell dependency={dependency} />
            <Typography variant="body2" component="div">
              {dependency.optional ? 'optional' : 'required'}
              {' · '}
              <RangeText dependency={dependency} />
            </Typography>
            <Typography variant="body2" component="div">
              <VersionCheckCell dependency={dependency} />
            </Typography>
          </ListItem>
        ))}
      </List>
    );
  }
  return (
    <CompactTable label={`Dependencies of ${serviceId}`}>
      <TableHead>
        <TableRow>
          <TableCell>Service</TableCell>
          <TableCell>Kind</TableCell>
          <TableCell>Range</TableCell>
          <TableCell>Provider version</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {dependencies.map(dependency => (
          <TableRow key={dependencyKey(dependency)}>
            <TableCell component="th" scope="row" role="rowheader">
              <ProviderCell dependency={dependency} />
            </TableCell>
            <TableCell>
              {dependency.optional ? 'optional' : 'required'}
            </TableCell>
            <TableCell>
              <RangeText dependency={dependency} />
            </TableCell>
            <TableCell>
              <VersionCheckCell dependency={dependency} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </CompactTable>
  );
}
