import { Fragment } from 'react';
import { Link } from '@backstage/core-components';
import { Box, Chip, Paper, Typography, makeStyles } from '@material-ui/core';
import { plural } from '@service-registry/plugin-service-registry-common';
import { PendingChange } from '../../api/types';
import { formatSnapshotTime } from '../../lib/formatSnapshotTime';
import { ServiceLink } from '../ServiceLink';
import { FindingEntry } from '../EntityServiceRegistryFindingsCard/FindingEntry';
import { useSeverityChipStyles } from '../EntityServiceRegistryFindingsCard/findingParts';

const useStyles = makeStyles(theme => ({
  card: { padding: theme.spacing(2), marginBottom: theme.spacing(2) },
  title: { fontSize: '1.1rem', fontWeight: 500, margin: 0 },
  meta: { color: theme.palette.text.secondary, overflowWrap: 'anywhere' },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    margin: theme.spacing(1.5, 0),
  },
  section: {
    fontSize: '1rem',
    fontWeight: 500,
    margin: theme.spacing(1.5, 0, 0.5),
  },
  list: { margin: 0, paddingLeft: theme.spacing(2.5) },
  findings: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    '& > li': { padding: theme.spacing(1, 0) },
    '& > li + li': { borderTop: `1px solid ${theme.palette.divider}` },
  },
  services: { overflowWrap: 'anywhere' },
  message: { overflowWrap: 'anywhere' },
}));

/** The services of one kind (added, changed, removed), each linked when the catalog has it. */
function ServiceNames(props: {
  label: string;
  services: string[];
  linked: boolean;
}) {
  const { label, services, linked } = props;
  const classes = useStyles();
  if (services.length === 0) return null;
  return (
    <Typography variant="body2" className={classes.services}>
      {label}:{' '}
      {services.map((service, i) => (
        <Fragment key={service}>
          {i > 0 && ', '}
          {linked ? (
            <ServiceLink
              service={service}
              status={undefined}
              underline="always"
            />
          ) : (
            <code>{service}</code>
          )}
        </Fragment>
      ))}
    </Typography>
  );
}

/**
 * One pending change of the registry: its commit and branch, what it adds, changes and removes,
 * its breaking changes with their reach, the findings it brings (those the default branch does
 * not have) beside all of its registry's, and the files either side could not read (compared as
 * the other side has them).
 */
export function PendingChangeCard(props: {
  change: PendingChange;
  /** The branch it is compared with, which its messages call base. */
  defaultBranch: string;
}) {
  const { change, defaultBranch } = props;
  const classes = useStyles();
  const severity = useSeverityChipStyles();
  const { errors, warnings } = change.findings;
  // a backend older than these fields sends neither
  const unreadFiles = change.unreadFiles ?? [];
  const brought = change.newFindings as
    | PendingChange['newFindings']
    | undefined;
  const unlisted = brought
    ? brought.errors + brought.warnings - brought.listed.length
    : 0;
  return (
    <Paper
      component="section"
      variant="outlined"
      className={classes.card}
      aria-label={`Pending change ${change.branch}`}
    >
      <Typography component="h3" className={classes.title}>
        {change.subject || change.branch}
      </Typography>
      <Typography variant="body2" className={classes.meta}>
        {change.url ? (
          <Link to={change.url}>{change.branch}</Link>
        ) : (
          <code>{change.branch}</code>
        )}{' '}
        · {change.author} · {formatSnapshotTime(change.date)} · from{' '}
        <code>{change.base.slice(0, 12)}</code> to{' '}
        <code>{change.commit.slice(0, 12)}</code>
      </Typography>
      <Box className={classes.chips}>
        <Chip size="small" label={`${change.added.length} added`} />
        <Chip size="small" label={`${change.changed.length} changed`} />
        <Chip size="small" label={`${change.removed.length} removed`} />
        <Chip
          size="small"
          variant="outlined"
          className={
            change.breakingChanges.length > 0 ? severity.error : undefined
          }
          label={plural(change.breakingChanges.length, 'breaking change')}
        />
        {brought && (
          <Chip
            size="small"
            variant="outlined"
            className={
              (brought.errors > 0 && severity.error) ||
              (brought.warnings > 0 && severity.warning) ||
              undefined
            }
            label={`${plural(brought.errors, 'new error')}, ${plural(
              brought.warnings,
              'new warning',
            )}`}
          />
        )}
        <Chip
          size="small"
          variant="outlined"
          // what the default branch had already does not block the change: coloured only alone
          className={
            (!brought && errors > 0 && severity.error) ||
            (!brought && warnings > 0 && severity.warning) ||
            undefined
          }
          label={`${plural(errors, 'error')}, ${plural(warnings, 'warning')}${
            brought ? ' in all' : ''
          }`}
        />
      </Box>
      <ServiceNames label="Adds" services={change.added} linked={false} />
      <ServiceNames label="Changes" services={change.changed} linked />
      <ServiceNames label="Removes" services={change.removed} linked />
      {change.breakingChanges.length > 0 && (
        <>
          <Typography component="h4" className={classes.section}>
            Breaking changes
          </Typography>
          <ul className={classes.list}>
            {change.breakingChanges.map((breaking, i) => (
              <li
                key={`${breaking.service}-${breaking.kind}-${
                  breaking.project ?? ''
                }-${i}`}
              >
                <Typography variant="body2" className={classes.message}>
                  <code>{breaking.kind}</code>{' '}
                  <ServiceLink
                    service={breaking.service}
                    status={undefined}
                    underline="always"
                  />
                  {breaking.override && breaking.project
                    ? ` (project ${breaking.project}'s override)`
                    : ''}
                  : {breaking.message}{' '}
                  <strong>
                    {breaking.affectedServices === 0
                      ? 'Affects no service.'
                      : `Affects ${plural(
                          breaking.affectedServices,
                          'service',
                        )}${
                          breaking.affectedProjects.length > 0
                            ? ` in ${breaking.affectedProjects.join(', ')}`
                            : ''
                        }.`}
                  </strong>
                </Typography>
              </li>
            ))}
          </ul>
        </>
      )}
      {brought && brought.listed.length > 0 && (
        <>
          <Typography component="h4" className={classes.section}>
            New findings
          </Typography>
          <ul className={classes.findings} aria-label="New findings">
            {brought.listed.map((finding, i) => (
              <li key={`${finding.code}-${finding.file}-${finding.line}-${i}`}>
                <FindingEntry finding={finding} />
              </li>
            ))}
          </ul>
          {unlisted > 0 && (
            <Typography variant="body2" className={classes.meta}>
              … and {plural(unlisted, 'more new finding')}.
            </Typography>
          )}
        </>
      )}
      {unreadFiles.length > 0 && (
        <>
          <Typography component="h4" className={classes.section}>
            Files not read
          </Typography>
          <Typography variant="body2" className={classes.meta}>
            Head is the branch {change.branch}; base is {defaultBranch} where
            the branch leaves it (<code>{change.base.slice(0, 12)}</code>).
          </Typography>
          <ul className={classes.list} aria-label="Files not read">
            {unreadFiles.map(unread => (
              <li key={`${unread.side}-${unread.file}`}>
                <Typography variant="body2" className={classes.message}>
                  {unread.message}
                </Typography>
              </li>
            ))}
          </ul>
        </>
      )}
    </Paper>
  );
}
