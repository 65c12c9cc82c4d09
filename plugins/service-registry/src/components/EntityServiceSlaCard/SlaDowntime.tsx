import { Box, Typography } from '@material-ui/core';
import { SlaEvaluation } from '@service-registry/plugin-service-registry-common';

/**
 * The downtime per 30 days the declared availability allows, next to what the tier's policy
 * allows. Renders nothing when neither sets an availability.
 */
export function SlaDowntime(props: { evaluation: SlaEvaluation }) {
  const { allowedDowntime, policyAllowedDowntime, tier } = props.evaluation;
  if (!allowedDowntime && !policyAllowedDowntime) return null;
  const lines: string[] = [];
  if (allowedDowntime) {
    lines.push(
      `${allowedDowntime.text} declared (${allowedDowntime.availability}% availability)`,
    );
  } else {
    lines.push('none declared (no availability)');
  }
  if (policyAllowedDowntime) {
    lines.push(
      `${policyAllowedDowntime.text} allowed by the ${tier} tier (${policyAllowedDowntime.availability}% availability)`,
    );
  }
  return (
    <Box component="section" aria-label="Allowed downtime per 30 days" mt={2}>
      <Typography variant="subtitle2" component="h3">
        Allowed downtime per 30 days
      </Typography>
      {lines.map(line => (
        <Typography key={line} variant="body2">
          {line}
        </Typography>
      ))}
    </Box>
  );
}
