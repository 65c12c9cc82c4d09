import {
  Box,
  Chip,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TableSortLabel,
  Typography,
  makeStyles,
} from '@material-ui/core';
import { InfoCard } from '@backstage/core-components';
import {
  NUMERIC_SLA_TARGETS,
  SlaOverviewService,
  SlaOverviewTier,
} from '@service-registry/plugin-service-registry-common';
import { SlaComplianceStatus } from '../EntityServiceSlaCard/SlaComplianceStatus';
import { useNarrowScreen } from '../useNarrowScreen';
import {
  DeclaredAvailability,
  DeclaredP99,
  SlaGaps,
  SlaServiceName,
  slaCountsText,
  slaProjectText,
} from './slaServiceParts';
import { SlaServiceList } from './SlaServiceList';
import {
  SLA_SORT_FIELDS,
  SlaSort,
  SlaSortKey,
  sortServices,
} from './sortServices';
import { ScrollingTable } from '../RegistryCardParts/ScrollingTable';

const useStyles = makeStyles(theme => ({
  policy: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    marginBottom: theme.spacing(1),
  },
}));

const POLICY_LABELS: Record<string, string> = {
  ...Object.fromEntries(NUMERIC_SLA_TARGETS.map(t => [t.key, t.label])),
  support_hours: 'Support hours',
  break_handling: 'Break handling',
};

/** The title of a tier section: `Critical tier`, or `No tier`. */
export function tierTitle(tier: string | null): string {
  if (tier === null) return 'No tier';
  return `${tier.charAt(0).toLocaleUpperCase('en-US')}${tier.slice(1)} tier`;
}

function ServiceRow(props: {
  service: SlaOverviewService;
  projectNames: Map<string, string>;
}) {
  const { service, projectNames } = props;
  return (
    <TableRow>
      <TableCell component="th" scope="row">
        <SlaServiceName service={service} />
      </TableCell>
      <TableCell>{slaProjectText(service, projectNames)}</TableCell>
      <TableCell>{service.owner ?? '—'}</TableCell>
      <TableCell align="right">
        <DeclaredAvailability service={service} />
      </TableCell>
      <TableCell align="right">
        <DeclaredP99 service={service} />
      </TableCell>
      <TableCell>
        <SlaComplianceStatus compliance={service.compliance} />
      </TableCell>
      <TableCell>
        <SlaGaps service={service} />
      </TableCell>
    </TableRow>
  );
}

/**
 * One tier of the SLA overview: its policy and a table of its services with their declared
 * availability and p99, compliance and gaps, sortable by any column.
 */
export function SlaTierSection(props: {
  tier: SlaOverviewTier;
  projectNames: Map<string, string>;
  sort: SlaSort | undefined;
  onSort: (sort: SlaSort) => void;
}) {
  const { tier, projectNames, sort, onSort } = props;
  const classes = useStyles();
  const title = tierTitle(tier.tier);
  // a phone lists the services: the table's seven columns would scroll, with the availability,
  // p99, compliance and gaps out of sight
  const narrow = useNarrowScreen();
  const services = sortServices(tier.services, sort);
  let policy: JSX.Element;
  if (tier.policy) {
    policy = (
      <>
        <Typography variant="body2" component="span">
          Policy:
        </Typography>
        {Object.entries(tier.policy).map(([key, value]) => (
          <Chip
            key={key}
            size="small"
            variant="outlined"
            label={`${POLICY_LABELS[key] ?? key} ${value}`}
          />
        ))}
      </>
    );
  } else {
    policy = (
      <Typography variant="body2" color="textSecondary">
        {tier.tier === null
          ? 'These services have no tier, neither their own nor their project’s: no SLA policy applies.'
          : `The registry has no SLA policy for the ${tier.tier} tier: declarations are not checked.`}
      </Typography>
    );
  }
  return (
    <Box component="section" aria-label={title} mb={3}>
      <InfoCard
        title={title}
        titleTypographyProps={{ component: 'h2' }}
        subheader={slaCountsText(tier.counts)}
      >
        <Box className={classes.policy}>{policy}</Box>
        {narrow ? (
          <SlaServiceList
            label={`Services of the ${title}`}
            services={services}
            projectNames={projectNames}
          />
        ) : (
          <ScrollingTable label={`Services of the ${title}`}>
            <TableHead>
              <TableRow>
                {(Object.keys(SLA_SORT_FIELDS) as SlaSortKey[]).map(key => {
                  const column = { key, ...SLA_SORT_FIELDS[key] };
                  const direction =
                    sort && sort.field === column.key
                      ? sort.direction
                      : undefined;
                  return (
                    <TableCell
                      key={column.key}
                      align={column.numeric ? 'right' : 'left'}
                      sortDirection={direction ?? false}
                    >
                      <TableSortLabel
                        active={direction !== undefined}
                        direction={direction ?? 'asc'}
                        onClick={() =>
                          onSort({
                            field: column.key,
                            direction: direction === 'asc' ? 'desc' : 'asc',
                          })
                        }
                      >
                        {column.label}
                      </TableSortLabel>
                    </TableCell>
                  );
                })}
              </TableRow>
            </TableHead>
            <TableBody>
              {services.map(service => (
                <ServiceRow
                  key={service.id}
                  service={service}
                  projectNames={projectNames}
                />
              ))}
            </TableBody>
          </ScrollingTable>
        )}
      </InfoCard>
    </Box>
  );
}
