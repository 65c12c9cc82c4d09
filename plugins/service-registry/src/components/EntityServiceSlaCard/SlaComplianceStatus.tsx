import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { Box, makeStyles } from '@material-ui/core';
import {
  SlaCompliance,
  SlaTargetStatus,
} from '@service-registry/plugin-service-registry-common';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', whiteSpace: 'nowrap' },
});

/** Words for each overall SLA standing. */
export const COMPLIANCE_LABELS: Record<SlaCompliance, string> = {
  compliant: 'Compliant',
  'non-compliant': 'Not compliant',
  incomplete: 'Incomplete',
  'no-policy': 'No policy',
};

/** Words for each target comparison. */
export const TARGET_STATUS_LABELS: Record<SlaTargetStatus, string> = {
  meets: 'Meets policy',
  weaker: 'Below policy',
  missing: 'Missing',
  'no-policy': 'Not in policy',
};

const ICONS: Record<SlaCompliance, () => JSX.Element> = {
  compliant: () => <StatusOK />,
  'non-compliant': () => <StatusError />,
  incomplete: () => <StatusWarning />,
  'no-policy': () => <StatusAborted />,
};

const TARGET_COMPLIANCE: Record<SlaTargetStatus, SlaCompliance> = {
  meets: 'compliant',
  weaker: 'non-compliant',
  missing: 'incomplete',
  'no-policy': 'no-policy',
};

/**
 * A coloured status icon followed by words. The words stay readable by assistive technology (the
 * core-components status icons hide themselves from it).
 */
function StatusWithText(props: { compliance: SlaCompliance; text: string }) {
  const classes = useStyles();
  const Icon = ICONS[props.compliance];
  return (
    <Box component="span" className={classes.root}>
      <Icon />
      <span>{props.text}</span>
    </Box>
  );
}

/** The overall SLA standing of a service: icon and words ("Not compliant"). */
export function SlaComplianceStatus(props: { compliance: SlaCompliance }) {
  return (
    <StatusWithText
      compliance={props.compliance}
      text={COMPLIANCE_LABELS[props.compliance]}
    />
  );
}

/**
 * The comparison of one target with the policy: icon and words ("Below policy"). When the service
 * has no policy at all, `no-policy` reads "No policy" instead of "Not in policy".
 */
export function SlaTargetStatusLabel(props: {
  status: SlaTargetStatus;
  hasPolicy: boolean;
}) {
  const { status, hasPolicy } = props;
  const text =
    status === 'no-policy' && !hasPolicy
      ? COMPLIANCE_LABELS['no-policy']
      : TARGET_STATUS_LABELS[status];
  return <StatusWithText compliance={TARGET_COMPLIANCE[status]} text={text} />;
}
