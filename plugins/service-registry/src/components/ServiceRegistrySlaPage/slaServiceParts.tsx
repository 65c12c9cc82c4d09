import { Typography, makeStyles } from '@material-ui/core';
import { Link } from '@backstage/core-components';
import {
  SlaComplianceCounts,
  SlaOverviewService,
} from '@service-registry/plugin-service-registry-common';
import { useServiceLink } from '../useServiceLink';
import { serviceProjectLabel } from '../../lib/serviceProjectLabel';

const useStyles = makeStyles(theme => ({
  gaps: { margin: 0, paddingLeft: theme.spacing(2) },
  id: { display: 'block' },
}));

/** How many services, and how many of them comply, fall short, are incomplete or have no policy. */
export function slaCountsText(counts: SlaComplianceCounts): string {
  const parts = [
    `${counts.services} ${counts.services === 1 ? 'service' : 'services'}`,
  ];
  if (counts.compliant) parts.push(`${counts.compliant} compliant`);
  if (counts.nonCompliant) parts.push(`${counts.nonCompliant} not compliant`);
  if (counts.incomplete) parts.push(`${counts.incomplete} incomplete`);
  if (counts.noPolicy) parts.push(`${counts.noPolicy} without policy`);
  return parts.join(' · ');
}

/** The project of a service as the page writes it: its name, or "Global services". */
export function slaProjectText(
  service: SlaOverviewService,
  projectNames: Map<string, string>,
): string {
  return serviceProjectLabel(
    service.project,
    service.project ? projectNames.get(service.project) : undefined,
  );
}

function NotDeclared() {
  return (
    <Typography variant="body2" color="textSecondary" component="span">
      not declared
    </Typography>
  );
}

/** A service's name linked to its catalog page, and its id under it when they differ. */
export function SlaServiceName(props: { service: SlaOverviewService }) {
  const { service } = props;
  const classes = useStyles();
  const link = useServiceLink();
  return (
    <>
      <Link to={link(service.id)}>{service.name}</Link>
      {service.name !== service.id && (
        <Typography
          variant="caption"
          color="textSecondary"
          className={classes.id}
        >
          {service.id}
        </Typography>
      )}
    </>
  );
}

/** The availability a service declares (`99.9%`), or that it declares none. */
export function DeclaredAvailability(props: { service: SlaOverviewService }) {
  const { availability } = props.service;
  return availability === undefined ? <NotDeclared /> : <>{availability}%</>;
}

/** The p99 response time a service declares (`200 ms`), or that it declares none. */
export function DeclaredP99(props: { service: SlaOverviewService }) {
  const { responseTimeP99Ms } = props.service;
  return responseTimeP99Ms === undefined ? (
    <NotDeclared />
  ) : (
    <>{responseTimeP99Ms} ms</>
  );
}

/** Where a service's declared levels fall short of its tier's policy, or "none". */
export function SlaGaps(props: { service: SlaOverviewService }) {
  const { gaps } = props.service;
  const classes = useStyles();
  if (gaps.length === 0) return <>none</>;
  return (
    <ul className={classes.gaps}>
      {gaps.map(gap => (
        <li key={gap}>{gap}</li>
      ))}
    </ul>
  );
}
