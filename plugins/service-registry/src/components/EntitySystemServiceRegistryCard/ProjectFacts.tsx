import { ReactNode } from 'react';
import { makeStyles } from '@material-ui/core';
import { ProjectSummaryResponse } from '../../api/types';

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
 * What the registry declares for a project, as a description list: its id and name, owner, tier
 * (which its services without one inherit), environment, and how many services it has. For the
 * global services: what they are and how many.
 */
export function ProjectFacts(props: { summary: ProjectSummaryResponse }) {
  const { summary } = props;
  const { project } = summary;
  const classes = useStyles();
  const count = summary.services.length;
  const rows: Array<[string, ReactNode]> =
    project.id === null
      ? [
          ['Scope', 'Global: shared by every project'],
          ['Services', String(count)],
        ]
      : [
          [
            'Project',
            project.name !== project.id
              ? `${project.name} (${project.id})`
              : project.id,
          ],
          ['Owner', project.owner ?? <Missing>none</Missing>],
          ['Tier', project.tier ?? <Missing>none</Missing>],
          [
            'Environment',
            project.environment ?? <Missing>not declared</Missing>,
          ],
          ['Services', String(count)],
        ];
  return (
    <dl className={classes.facts}>
      {rows.map(([label, value]) => (
        <div key={label} className={classes.fact}>
          <dt className={classes.label}>{label}</dt>
          <dd className={classes.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
