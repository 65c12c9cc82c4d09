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
import { ServiceSummaryRelease } from '../../api/types';
import { CompactTable } from '../RegistryCardParts/CompactTable';
import { useEntryListStyles } from '../entryListStyles';
import { useNarrowScreen } from '../useNarrowScreen';
import { useShowMore } from '../useShowMore';
import { readableText } from '../contrast';

/** Releases shown before "Show more": the last ones matter most. */
const RELEASES_PAGE = 5;

const useStyles = makeStyles(theme => ({
  version: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: theme.spacing(0.5),
  },
  breaking: {
    color: readableText(theme, theme.palette.warning.main),
    fontWeight: 700,
  },
  notes: { whiteSpace: 'pre-line' },
}));

/** The version, with what it is in words: the current one, a breaking one. */
function VersionCell(props: { release: ServiceSummaryRelease }) {
  const { release } = props;
  const classes = useStyles();
  return (
    <Box className={classes.version}>
      <span>{release.version}</span>
      {release.current && (
        <Typography variant="caption" color="textSecondary">
          current
        </Typography>
      )}
      {release.breaking && (
        <Typography variant="caption" className={classes.breaking}>
          breaking
        </Typography>
      )}
    </Box>
  );
}

/**
 * A service's release history from `services/versions.toml`, newest version first: each release's
 * version (with "current" for the service's version and "breaking" for one that starts a new
 * major version), its date and its notes; the last five, then "Show more". On a phone each
 * release takes a few lines instead of a table's row.
 */
export function ServiceReleasesTable(props: {
  serviceId: string;
  releases: ServiceSummaryRelease[];
}) {
  const { serviceId, releases } = props;
  const classes = useStyles();
  const listClasses = useEntryListStyles();
  const narrow = useNarrowScreen();
  const { shown, more } = useShowMore(releases, RELEASES_PAGE);
  const label = `Releases of ${serviceId}`;
  if (narrow) {
    return (
      <>
        <List className={listClasses.list} aria-label={label}>
          {shown.map(release => (
            <ListItem
              key={release.version}
              divider
              className={listClasses.item}
            >
              <VersionCell release={release} />
              {release.date && (
                <Typography variant="body2" color="textSecondary">
                  {release.date}
                </Typography>
              )}
              {release.notes && (
                <Typography variant="body2" className={classes.notes}>
                  {release.notes}
                </Typography>
              )}
            </ListItem>
          ))}
        </List>
        {more}
      </>
    );
  }
  return (
    <>
      <CompactTable label={label}>
        <TableHead>
          <TableRow>
            <TableCell>Version</TableCell>
            <TableCell>Date</TableCell>
            <TableCell>Notes</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map(release => (
            <TableRow key={release.version}>
              <TableCell component="th" scope="row" role="rowheader">
                <VersionCell release={release} />
              </TableCell>
              <TableCell>{release.date ?? '—'}</TableCell>
              <TableCell className={classes.notes}>
                {release.notes ?? '—'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </CompactTable>
      {more}
    </>
  );
}
