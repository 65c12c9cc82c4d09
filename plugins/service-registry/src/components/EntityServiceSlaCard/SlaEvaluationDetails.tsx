import { Box, Typography, makeStyles } from '@material-ui/core';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { SlaEvaluation } from '@service-registry/plugin-service-registry-common';
import { SlaComplianceStatus } from './SlaComplianceStatus';
import { SlaDowntime } from './SlaDowntime';
import { shownTargets, SlaTargetsTable } from './SlaTargetsTable';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
  block: { marginBottom: theme.spacing(2) },
  gaps: { margin: 0, paddingLeft: theme.spacing(2.5) },
  source: { marginTop: theme.spacing(2) },
}));

const plural = (count: number, word: string) =>
  `${count} ${word}${count === 1 ? '' : 's'}`;

/** One sentence on the overall standing, naming the tier and counting the gaps. */
export function complianceSentence(evaluation: SlaEvaluation): string {
  const { compliance, tier, targets } = evaluation;
  const weaker = targets.filter(t => t.status === 'weaker').length;
  const missing = targets.filter(t => t.status === 'missing').length;
  switch (compliance) {
    case 'compliant':
      return `Meets every target of the ${tier} tier policy.`;
    case 'non-compliant':
      return `${plural(weaker, 'target')} below the ${tier} tier policy${
        missing > 0 ? `, ${missing} missing` : ''
      }.`;
    case 'incomplete':
      return `Nothing is below the ${tier} tier policy, but ${plural(
        missing,
        'target',
      )} it sets ${missing === 1 ? 'is' : 'are'} not declared.`;
    default:
      return tier
        ? `The registry has no SLA policy for the ${tier} tier: the declared targets are not checked.`
        : 'The service has no tier, neither its own nor its project’s: no SLA policy applies.';
  }
}

/**
 * Where the effective tier comes from, as the evaluation's `tierSource` says: declared on the
 * service, or inherited from its project. A global service has no project, so its tier is its
 * own; for a project's service from a backend older than `tierSource`, both are possible.
 */
export function tierSourceText(evaluation: SlaEvaluation): string {
  const { tier, project, tierSource } = evaluation;
  if (!tier) return 'Tier: none';
  if (project === null || tierSource === 'service') {
    return `Tier: ${tier}, declared on the service`;
  }
  if (tierSource === 'project') {
    return `Tier: ${tier}, inherited from project ${project}`;
  }
  return `Tier: ${tier}, declared on the service or inherited from project ${project}`;
}

/** Everything the card shows once the evaluation is loaded. */
export function SlaEvaluationDetails(props: { evaluation: SlaEvaluation }) {
  const { evaluation } = props;
  const classes = useStyles();
  const rows = shownTargets(evaluation);
  return (
    <>
      <Box
        component="section"
        aria-label="SLA compliance"
        className={classes.summary}
      >
        <SlaComplianceStatus compliance={evaluation.compliance} />
        <Typography variant="body2">
          {complianceSentence(evaluation)}
        </Typography>
      </Box>
      <Typography
        variant="body2"
        color="textSecondary"
        className={classes.block}
      >
        {tierSourceText(evaluation)}
      </Typography>
      {!evaluation.declaresSla && (
        <Alert severity="info" className={classes.block}>
          <AlertTitle>No SLA declared</AlertTitle>
          {evaluation.name} has no{' '}
          <code>[service.{evaluation.service}.sla]</code> table in the registry.
          {evaluation.hasPolicy
            ? ` Its ${evaluation.tier} tier policy requires the targets below.`
            : ''}
        </Alert>
      )}
      {evaluation.gaps.length > 0 && (
        <Alert
          severity={
            evaluation.compliance === 'non-compliant' ? 'error' : 'warning'
          }
          className={classes.block}
        >
          <AlertTitle>
            {`${plural(evaluation.gaps.length, 'gap')} against the ${
              evaluation.tier
            } tier policy`}
          </AlertTitle>
          <ul className={classes.gaps} aria-label="SLA gaps">
            {evaluation.gaps.map(gap => (
              <li key={gap}>{gap}</li>
            ))}
          </ul>
        </Alert>
      )}
      {rows.length > 0 && <SlaTargetsTable evaluation={evaluation} />}
      <SlaDowntime evaluation={evaluation} />
      <Typography
        variant="caption"
        color="textSecondary"
        component="p"
        className={classes.source}
      >
        Declared in {evaluation.source.file}:{evaluation.source.line}
      </Typography>
    </>
  );
}
