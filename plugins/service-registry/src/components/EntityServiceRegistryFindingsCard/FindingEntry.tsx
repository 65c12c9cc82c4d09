import { Box, Typography, makeStyles } from '@material-ui/core';
import { RegistryFindingItem } from '../../api/types';
import { ServiceLink } from '../ServiceLink';
import { usePageTextStyles } from '../usePageTextStyles';
import { FindingLocation, SeverityChip } from './findingParts';

const useStyles = makeStyles(theme => ({
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  code: { fontSize: theme.typography.caption.fontSize },
  message: {
    margin: theme.spacing(0.75, 0, 0.5),
    // messages quote URLs and paths longer than a narrow card or a phone is wide
    overflowWrap: 'anywhere',
  },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: theme.spacing(2),
    margin: 0,
    '& > div': { display: 'flex', gap: theme.spacing(0.5) },
    '& dd': { margin: 0, overflowWrap: 'anywhere' },
  },
  location: { display: 'block', marginTop: theme.spacing(0.5) },
}));

/**
 * The service of a finding linked to its catalog page (as text when the catalog has none: a
 * retired service, or one no file declares), or undefined for a finding of no service.
 */
export function FindingServiceLink(props: { finding: RegistryFindingItem }) {
  const { finding } = props;
  if (!finding.service) return null;
  return (
    <ServiceLink
      service={finding.service}
      status={finding.serviceStatus}
      declared={finding.serviceDeclared !== false}
    />
  );
}

/**
 * One finding in a few lines, as the findings card and the findings page's list (on a phone)
 * show it: its severity and code, its message, and its location; with `facts`, between message
 * and location, its service, project and owner (written on the page, not on a card).
 */
export function FindingEntry(props: {
  finding: RegistryFindingItem;
  /** Shows the finding's service and owner, and this project (undefined: none). */
  facts?: { project: string | undefined };
}) {
  const classes = useStyles();
  const pageText = usePageTextStyles();
  const { finding, facts } = props;
  const named = (term: string, value: JSX.Element | string) => (
    <div>
      <dt className={pageText.secondary}>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <>
      <Box className={classes.heading}>
        <SeverityChip severity={finding.severity} />
        <code className={classes.code}>{finding.code}</code>
      </Box>
      <Typography variant="body2" className={classes.message}>
        {finding.message}
      </Typography>
      {facts && (
        <Typography variant="caption" component="dl" className={classes.facts}>
          {finding.service &&
            named('Service', <FindingServiceLink finding={finding} />)}
          {facts.project && named('Project', facts.project)}
          {finding.owner && named('Owner', finding.owner)}
        </Typography>
      )}
      <Typography variant="caption" className={classes.location}>
        <FindingLocation finding={finding} />
      </Typography>
    </>
  );
}
