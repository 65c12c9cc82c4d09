import {
  List,
  ListItem,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import {
  SlaComplianceCounts,
  SlaOverviewProject,
} from '@service-registry/plugin-service-registry-common';
import { ScrollingTable } from '../RegistryCardParts/ScrollingTable';
import { useNarrowScreen } from '../useNarrowScreen';
import { slaCountsText } from './slaServiceParts';
import { useEntryListStyles } from '../entryListStyles';

const COLUMNS: Array<{ key: keyof SlaComplianceCounts; label: string }> = [
  { key: 'services', label: 'Services' },
  { key: 'compliant', label: 'Compliant' },
  { key: 'nonCompliant', label: 'Not compliant' },
  { key: 'incomplete', label: 'Incomplete' },
  { key: 'noPolicy', label: 'No policy' },
];

/** The name of a project as shown on the page. */
export function projectLabel(project: SlaOverviewProject): string {
  if (project.project === null) return 'Global services';
  return project.name && project.name !== project.project
    ? `${project.name} (${project.project})`
    : project.project;
}

/**
 * Compliance counts per project, the global services last, with a total row; on a phone, where
 * the table's six columns would scroll, a list of each project's counts in words.
 */
export function SlaProjectCounts(props: {
  projects: SlaOverviewProject[];
  total: SlaComplianceCounts;
}) {
  const { projects, total } = props;
  const narrow = useNarrowScreen();
  const classes = useEntryListStyles();
  if (narrow) {
    return (
      <List className={classes.list} aria-label="Compliance per project">
        {projects.map(project => (
          <ListItem
            key={project.project ?? ':global'}
            divider
            disableGutters
            className={classes.item}
          >
            <Typography variant="body2">{projectLabel(project)}</Typography>
            <Typography variant="body2" color="textSecondary">
              {slaCountsText(project.counts)}
            </Typography>
          </ListItem>
        ))}
        <ListItem disableGutters className={classes.item}>
          <Typography variant="body2">
            <strong>All</strong>
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {slaCountsText(total)}
          </Typography>
        </ListItem>
      </List>
    );
  }
  return (
    <ScrollingTable label="Compliance per project">
      <TableHead>
        <TableRow>
          <TableCell>Project</TableCell>
          {COLUMNS.map(column => (
            <TableCell key={column.key} align="right">
              {column.label}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {projects.map(project => (
          <TableRow key={project.project ?? ':global'}>
            <TableCell component="th" scope="row">
              {projectLabel(project)}
            </TableCell>
            {COLUMNS.map(column => (
              <TableCell key={column.key} align="right">
                {project.counts[column.key]}
              </TableCell>
            ))}
          </TableRow>
        ))}
        <TableRow>
          <TableCell component="th" scope="row">
            <strong>All</strong>
          </TableCell>
          {COLUMNS.map(column => (
            <TableCell key={column.key} align="right">
              <strong>{total[column.key]}</strong>
            </TableCell>
          ))}
        </TableRow>
      </TableBody>
    </ScrollingTable>
  );
}
