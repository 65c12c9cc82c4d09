import {
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { SlaEvaluation } from '@service-registry/plugin-service-registry-common';
import { SlaTargetStatusLabel } from './SlaComplianceStatus';
import { useWordWrapTableStyles } from '../useWordWrapTableStyles';

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
  const tableClasses = useWordWrapTableStyles();
  const policyHeader =
    evaluation.tier && evaluation.hasPolicy
      ? `${evaluation.tier} tier policy`
      : 'Tier policy';
  return (
    <TableContainer>
      <Table
        size="small"
        className={tableClasses.table}
        aria-label="SLA targets"
      >
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
      </Table>
    </TableContainer>
  );
}
