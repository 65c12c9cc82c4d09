import { ReactNode } from 'react';
import { Typography, makeStyles } from '@material-ui/core';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ServiceSummaryFacts } from '../../api/types';
import { ServiceStatusChip } from './ServiceStatusChip';
import { serviceEntityRef } from './templateFormLink';
import { tierText } from './tierText';

const useStyles = makeStyles(theme => ({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
    gap: theme.spacing(1.5, 2),
    margin: 0,
  },
  fact: { minWidth: 0 },
  label: {
    ...theme.typography.overline,
    lineHeight: 1.5,
    color: theme.palette.text.secondary,
  },
  value: {
    ...theme.typography.body2,
    margin: 0,
    overflowWrap: 'anywhere',
  },
  missing: { color: theme.palette.text.secondary },
}));

/** A value the registry leaves out, in grey. */
function Missing(props: { children: string }) {
  const classes = useStyles();
  return <span className={classes.missing}>{props.children}</span>;
}

/**
 * What the registry declares for a service, as a description list: version, status, tier (and
 * where it comes from), port, project, type, owner, and the compatibility and deprecation facts
 * when it sets them.
 */
export function ServiceRegistryFacts(props: { facts: ServiceSummaryFacts }) {
  const { facts } = props;
  const classes = useStyles();
  const rows: Array<[string, ReactNode]> = [
    ['Version', facts.version ?? <Missing>not declared</Missing>],
    [
      'Status',
      facts.status ? (
        <ServiceStatusChip status={facts.status} />
      ) : (
        <Missing>not declared</Missing>
      ),
    ],
    [
      'Tier',
      facts.tier || facts.effectiveTier ? (
        tierText(facts)
      ) : (
        <Missing>none</Missing>
      ),
    ],
    [
      'Port',
      facts.port !== undefined ? String(facts.port) : <Missing>none</Missing>,
    ],
    [
      'Project',
      facts.project === undefined
        ? 'global'
        : `${facts.projectName ?? facts.project}${
            facts.projectName && facts.projectName !== facts.project
              ? ` (${facts.project})`
              : ''
          }`,
    ],
    ['Type', facts.type ?? <Missing>not declared</Missing>],
    ['Owner', facts.owner ?? <Missing>none</Missing>],
  ];
  if (facts.compatVersionMin) {
    rows.push(['Compatible from', facts.compatVersionMin]);
  }
  if (facts.deprecationDate) {
    rows.push(['Deprecated on', facts.deprecationDate]);
  }
  if (facts.sunsetDate) {
    rows.push(['Sunset', facts.sunsetDate]);
  }
  if (facts.replacementService) {
    rows.push([
      'Replacement',
      facts.replacementDeclared === false ? (
        `${facts.replacementService} (not declared in the registry)`
      ) : (
        <EntityRefLink entityRef={serviceEntityRef(facts.replacementService)}>
          {facts.replacementService}
        </EntityRefLink>
      ),
    ]);
  }
  return (
    <>
      <dl className={classes.facts}>
        {rows.map(([label, value]) => (
          <div key={label} className={classes.fact}>
            <dt className={classes.label}>{label}</dt>
            <dd className={classes.value}>{value}</dd>
          </div>
        ))}
      </dl>
      {facts.overriddenBy.length > 0 && (
        <Typography variant="body2" component="p">
          {`Overridden by projects: ${facts.overriddenBy.join(', ')}`}
        </Typography>
      )}
    </>
  );
}
