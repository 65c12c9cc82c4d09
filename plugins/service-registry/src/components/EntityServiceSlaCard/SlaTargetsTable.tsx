import {
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { SlaEvaluation } from '@service-registry/plugin-service-registry-common';
import { SlaTargetStatusLabel } from './SlaComplianceStatus';
import { ScrollingTable } from '../RegistryCardParts/ScrollingTable';

/**
 * The targets of an evaluation worth a row: those the service declares or the policy sets (a
 * target neither mentions says nothing).
 */
export function shownTargets(evaluation: SlaEvaluation) {
  return evaluation.targets.filter(
    t => t.declaredText !== undefined || t.requiredText !== undefined,
  );
}

/**
 * Each target the service declares or its tier's policy sets: the declared value, the policy's,
 * and how they compare, in words.
 */
export function SlaTargetsTable(props: { evaluation: SlaEvaluation }) {
  const { evaluation } = props;
  const policyHeader =
    evaluation.tier && evaluation.hasPolicy
      ? `${evaluation.tier} tier policy`
      : 'Tier policy';
  return (
    <ScrollingTable label="SLA targets">
      <TableHead>
        <TableRow>
          <TableCell>Target</TableCell>
          <TableCell>Declared</TableCell>
          <TableCell>{policyHeader}</TableCell>
          <TableCell>Result</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {shownTargets(evaluation).map(target => (
          <TableRow key={target.key}>
            <TableCell component="th" scope="row">
              {target.label}
            </TableCell>
            <TableCell>
              {target.declaredText ?? (
                <Typography variant="body2" color="textSecondary">
                  not declared
                </Typography>
              )}
            </TableCell>
            <TableCell>
              {target.requiredText ?? (
                <Typography variant="body2" color="textSecondary">
                  not set
                </Typography>
              )}
            </TableCell>
            <TableCell>
              <SlaTargetStatusLabel
                status={target.status}
                hasPolicy={evaluation.hasPolicy}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollingTable>
  );
}
