import { ReactNode } from 'react';
import { makeStyles } from '@material-ui/core';

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

/** One fact: its label and its value. */
export type Fact = [label: string, value: ReactNode];

/** A value the registry leaves out, in grey. */
export function Missing(props: { children: string }) {
  const classes = useStyles();
  return <span className={classes.missing}>{props.children}</span>;
}

/** Facts of a registry record as a description list, in a grid of labelled values. */
export function FactList(props: { facts: Fact[] }) {
  const classes = useStyles();
  return (
    <dl className={classes.facts}>
      {props.facts.map(([label, value]) => (
        <div key={label} className={classes.fact}>
          <dt className={classes.label}>{label}</dt>
          <dd className={classes.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
