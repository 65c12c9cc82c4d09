import { createContext, useContext } from 'react';
import { Button, Typography, makeStyles } from '@material-ui/core';
import CheckIcon from '@material-ui/icons/Check';
import { DeprecationRecord } from '../../api/types';
import { serviceProjectLabel } from '../../lib/serviceProjectLabel';
import { ServiceLink } from '../ServiceLink';

const useStyles = makeStyles(theme => ({
  burnDownButton: {
    marginTop: theme.spacing(0.5),
    whiteSpace: 'nowrap',
  },
  // the keyboard's focus, drawn without the ripple (one per row of a large table is slow)
  burnDownFocus: {
    outline: `2px solid ${theme.palette.primary.main}`,
    outlineOffset: 2,
  },
}));

/** The service whose burn-down is shown, and how a row (or a list's entry) selects its own. */
export interface RowSelection {
  selected?: string;
  select: (service: string) => void;
}

/**
 * The selection, for the rows' buttons: through a context, so that the table's columns stay the
 * same objects when it changes (material-table sorts again by a `defaultSort` when they change).
 */
export const RowSelectionContext = createContext<RowSelection>({
  select: () => {},
});

/**
 * The button of a row that shows its service's burn-down: the row can be selected from the
 * keyboard (a click anywhere on the row selects it too), and the selected row says so by the
 * button's pressed state and a check mark, not by its colour only.
 */
export function BurnDownButton(props: { service: string }) {
  const { service } = props;
  const classes = useStyles();
  const { selected, select } = useContext(RowSelectionContext);
  const isSelected = service === selected;
  return (
    <Button
      size="small"
      color="primary"
      disableRipple
      focusVisibleClassName={classes.burnDownFocus}
      variant={isSelected ? 'contained' : 'outlined'}
      className={classes.burnDownButton}
      aria-pressed={isSelected}
      // (the name starts with the visible text, for speech input)
      aria-label={`Burn-down of ${service}`}
      startIcon={
        isSelected ? <CheckIcon data-testid="selected-mark" /> : undefined
      }
      onClick={event => {
        // the row's own click selects it too: once is enough
        event.stopPropagation();
        select(service);
      }}
    >
      Burn-down
    </Button>
  );
}

/**
 * A deprecated service: its id linked to its catalog page (a retired one, which the catalog no
 * longer has, as text), its name when it differs, and its owner and project.
 */
export function DeprecatedServiceName(props: { record: DeprecationRecord }) {
  const { record: r } = props;
  return (
    <>
      <ServiceLink
        service={r.service}
        status={r.lifecycle}
        showRetired={false}
      />
      {r.name !== r.service && (
        <Typography variant="caption" display="block">
          {r.name}
        </Typography>
      )}
      <Typography variant="caption" display="block" color="textSecondary">
        {`${r.owner ?? 'no owner'} · ${serviceProjectLabel(r.project)}`}
      </Typography>
    </>
  );
}

/**
 * What a deprecated service's consumers move to: its replacement (linked, or "not declared"),
 * and under one that is not live, the live end of its replacements, or that there is none.
 */
export function ReplacementText(props: { record: DeprecationRecord }) {
  const { replacement } = props.record;
  if (!replacement) return <>—</>;
  const { id, exists, status, migrateTo } = replacement;
  return (
    <>
      {exists ? (
        <ServiceLink service={id} status={status} />
      ) : (
        `${id} (not declared)`
      )}
      {migrateTo !== id && (
        // the replacement is not live: where its consumers go instead
        <Typography variant="caption" display="block" color="textSecondary">
          {migrateTo === undefined ? (
            'no live successor: ask its owners'
          ) : (
            <>
              {'migrate to '}
              <ServiceLink service={migrateTo} status={undefined} />
            </>
          )}
        </Typography>
      )}
    </>
  );
}
