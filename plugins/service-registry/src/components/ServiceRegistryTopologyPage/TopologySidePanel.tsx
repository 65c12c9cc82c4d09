import { useEffect, useRef } from 'react';
import {
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  Paper,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  makeStyles,
} from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import { Link, Progress } from '@backstage/core-components';
import { RegistryErrorPanel } from '../RegistryErrorPanel';
import { ImpactReport } from '../../api/types';
import {
  categoryLabel,
  DisplayNode,
  GroupBy,
  impactHighlight,
  IndexedGraph,
  nodeStatus,
  normalizeOwner,
} from '../../lib/graph-transformations';
import { serviceProjectLabel } from '../../lib/serviceProjectLabel';
import { STATUS_STYLES } from '../topologyStyles';
import { useServiceLink } from '../useServiceLink';
import { CompactTable } from '../RegistryCardParts/CompactTable';

const useStyles = makeStyles(theme => ({
  root: { padding: theme.spacing(2), height: '100%' },
  section: { marginBottom: theme.spacing(2) },
  dl: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: theme.spacing(1.5),
    rowGap: theme.spacing(0.5),
    margin: 0,
    '& dt': { color: theme.palette.text.secondary },
    '& dd': { margin: 0, overflowWrap: 'anywhere' },
  },
}));

/** Props of {@link TopologySidePanel}. */
export interface TopologySidePanelProps {
  indexed: IndexedGraph;
  selected?: DisplayNode;
  hiddenByFilters: boolean;
  impactMode: boolean;
  impact: { loading: boolean; error?: Error; value?: ImpactReport };
  includeOptional: boolean;
  onIncludeOptional: (value: boolean) => void;
  onShowImpact: () => void;
  onExpandGroup: (id: string) => void;
  onCollapseGroup: (key: string) => void;
  groupBy: GroupBy;
  cycles: string[][];
}

/** Details of the selected service or group, and the impact report in impact mode. */
export function TopologySidePanel(props: TopologySidePanelProps) {
  const classes = useStyles();
  const link = useServiceLink();
  const { selected, indexed, impact, impactMode } = props;
  const service = selected?.kind === 'service' ? selected.service : undefined;
  const pageLink = service ? link(service.id, service.status) : undefined;
  // "Show impact" gives way to the impact it asked for: the focus goes to its heading, instead of
  // falling to the top of the page with the button
  const impactHeading = useRef<HTMLHeadingElement>(null);
  const focusImpact = useRef(false);
  const showImpact = () => {
    focusImpact.current = true;
    props.onShowImpact();
  };
  const impactShown = impactMode && service !== undefined;
  useEffect(() => {
    if (impactShown && focusImpact.current) {
      focusImpact.current = false;
      impactHeading.current?.focus();
    }
  }, [impactShown]);

  return (
    <Paper className={classes.root} component="aside" aria-label="Details">
      {!selected && (
        <Typography variant="body2" color="textSecondary">
          {impactMode
            ? 'Impact mode: select a service (click it or find it) to highlight everything that depends on it.'
            : 'Select a service or a group to see its details. Double-click (or Enter) opens a service page or expands a group.'}
        </Typography>
      )}
      {props.hiddenByFilters && (
        <Alert severity="info">
          The selected service is hidden by the filters.
        </Alert>
      )}
      {selected?.kind === 'group' && (
        <Box className={classes.section}>
          <Typography variant="h6" component="h2">
            {props.groupBy === 'owner' ? 'Owner' : 'Project'} {selected.label}
          </Typography>
          <Typography variant="body2">
            {selected.members?.length ?? 0} services
          </Typography>
          <ul aria-label="Statuses">
            {Object.entries(selected.statusCounts ?? {}).map(
              ([status, count]) => (
                <li key={status}>
                  <Typography variant="body2">
                    {count}{' '}
                    {STATUS_STYLES[status as keyof typeof STATUS_STYLES]
                      ?.label ?? status}
                  </Typography>
                </li>
              ),
            )}
          </ul>
          <Button
            variant="outlined"
            color="primary"
            size="small"
            onClick={() => props.onExpandGroup(selected.id)}
          >
            Expand group
          </Button>
        </Box>
      )}
      {service && (
        <Box className={classes.section}>
          <Typography variant="h6" component="h2">
            {service.id}
          </Typography>
          <dl className={classes.dl}>
            <dt>Name</dt>
            <dd>{service.name}</dd>
            <dt>Status</dt>
            <dd>{STATUS_STYLES[nodeStatus(service)].label}</dd>
            <dt>Project</dt>
            <dd>
              {service.declared ? serviceProjectLabel(service.project) : '—'}
            </dd>
            <dt>Owner</dt>
            <dd>{normalizeOwner(service.owner) ?? '—'}</dd>
            <dt>Tier</dt>
            <dd>{service.tier ?? '—'}</dd>
            <dt>Depends on</dt>
            <dd>{indexed.outgoing.get(service.id)?.length ?? 0}</dd>
            <dt>Used by</dt>
            <dd>{indexed.incoming.get(service.id)?.length ?? 0}</dd>
            {service.sunsetDate && (
              <>
                <dt>Sunset</dt>
                <dd>{service.sunsetDate}</dd>
              </>
            )}
            {service.replacement && (
              <>
                <dt>Replacement</dt>
                <dd>{service.replacement}</dd>
              </>
            )}
          </dl>
          {props.cycles.some(c => c.includes(service.id)) && (
            <Alert severity="error">On a dependency cycle</Alert>
          )}
          <Box mt={1} display="flex" flexWrap="wrap" style={{ gap: 8 }}>
            {service.declared && pageLink && (
              <Link to={pageLink}>Open service page</Link>
            )}
            {service.declared && !pageLink && (
              // the catalog has no Component for a retired service
              <Typography variant="body2" color="textSecondary">
                No service page: a retired service is not in the catalog
              </Typography>
            )}
            {!props.impactMode && (
              <Button size="small" color="primary" onClick={showImpact}>
                Show impact
              </Button>
            )}
            {selected?.group !== undefined && props.groupBy !== 'none' && (
              <Button
                size="small"
                onClick={() => props.onCollapseGroup(selected.group!)}
              >
                Collapse {props.groupBy}
              </Button>
            )}
          </Box>
        </Box>
      )}
      {impactMode && service && (
        <Box className={classes.section} aria-live="polite">
          <Typography
            variant="h6"
            component="h2"
            tabIndex={-1}
            ref={impactHeading}
          >
            Impact of {service.id}
          </Typography>
          <FormControlLabel
            control={
              <Checkbox
                size="small"
                checked={props.includeOptional}
                onChange={e => props.onIncludeOptional(e.target.checked)}
              />
            }
            label="Include optional dependencies"
          />
          {impact.loading && <Progress />}
          {impact.error && (
            <RegistryErrorPanel
              error={impact.error}
              title="Could not compute the impact"
            />
          )}
          {impact.value && <ImpactSummary report={impact.value} />}
        </Box>
      )}
    </Paper>
  );
}

function ImpactSummary({ report }: { report: ImpactReport }) {
  const rows = impactHighlight(report).perProject;
  const projects = new Set(rows.map(row => row.project));
  return (
    <>
      <Typography variant="body2" gutterBottom>
        {report.counts.services} services affected ({report.counts.direct}{' '}
        direct, {report.counts.transitive} transitive) in{' '}
        {report.counts.projects} projects
        {report.truncated ? ' (walk truncated)' : ''}.
      </Typography>
      {rows.length > 0 && (
        // the side panel is narrow: Material UI's padding made the columns overflow it
        <CompactTable label="Affected services per project">
          <TableHead>
            <TableRow>
              <TableCell>Project</TableCell>
              <TableCell align="right">Affected</TableCell>
              <TableCell align="right">Direct</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(row => (
              <TableRow key={row.project}>
                <TableCell component="th" scope="row">
                  {categoryLabel(row.project, projects)}
                </TableCell>
                <TableCell align="right">{row.count}</TableCell>
                <TableCell align="right">{row.direct}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </CompactTable>
      )}
    </>
  );
}
