import {
  Box,
  List,
  ListItem,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import {
  SlaEvaluation,
  SlaTargetEvaluation,
} from '@service-registry/plugin-service-registry-common';
import { SlaTargetStatusLabel } from './SlaComplianceStatus';
import { ScrollingTable } from '../RegistryCardParts/ScrollingTable';
import { useNarrowScreen } from '../useNarrowScreen';
import { useEntryListStyles } from '../entryListStyles';

/**
 * The targets of an evaluation worth a row: those the service declares or the policy sets (a
 * target neither mentions says nothing).
 */
export function shownTargets(evaluation: SlaEvaluation) {
  return evaluation.targets.filter(
    t => t.declaredText !== undefined || t.requiredText !== undefined,
  );
}

/** The declared value, or that the service declares none. */
function DeclaredValue(props: { target: SlaTargetEvaluation }) {
  return (
    <>
      {props.target.declaredText ?? (
        <Typography variant="body2" color="textSecondary" component="span">
          not declared
        </Typography>
      )}
    </>
  );
}

/** The policy's value, or that the policy sets none. */
function RequiredValue(props: { target: SlaTargetEvaluation }) {
  return (
    <>
      {props.target.requiredText ?? (
        <Typography variant="body2" color="textSecondary" component="span">
          not set
        </Typography>
      )}
    </>
  );
}

/**
 * Each target the service declares or its tier's policy sets: the declared value, the policy's,
 * and how they compare, in words. On a phone, where the table's four columns scrolled with the
 * result out of sight, each target takes a few lines: its name with the result, then the declared
 * value and the policy's.
 */
export function SlaTargetsTable(props: { evaluation: SlaEvaluation }) {
  const { evaluation } = props;
  const narrow = useNarrowScreen();
  const listClasses = useEntryListStyles();
  const policyHeader =
    evaluation.tier && evaluation.hasPolicy
      ? `${evaluation.tier} tier policy`
      : 'Tier policy';
  const targets = shownTargets(evaluation);
  if (narrow) {
    return (
      <List className={listClasses.list} aria-label="SLA targets">
        {targets.map(target => (
          <ListItem key={target.key} divider className={listClasses.item}>
            <Box className={listClasses.heading}>
              <Typography variant="body2" className={listClasses.name}>
                {target.label}
              </Typography>
              <SlaTargetStatusLabel
                status={target.status}
                hasPolicy={evaluation.hasPolicy}
              />
            </Box>
            <Typography
              variant="body2"
              component="dl"
              className={listClasses.facts}
            >
              <dt>Declared</dt>
              <dd>
                <DeclaredValue target={target} />
              </dd>
              <dt>{policyHeader}</dt>
              <dd>
                <RequiredValue target={target} />
              </dd>
            </Typography>
          </ListItem>
        ))}
      </List>
    );
  }
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
        {targets.map(target => (
          <TableRow key={target.key}>
            <TableCell component="th" scope="row">
              {target.label}
            </TableCell>
            <TableCell>
              <DeclaredValue target={target} />
            </TableCell>
            <TableCell>
              <RequiredValue target={target} />
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
