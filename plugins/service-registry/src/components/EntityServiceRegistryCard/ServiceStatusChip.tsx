import { Chip, makeStyles, Theme } from '@material-ui/core';
import WarningIcon from '@material-ui/icons/Warning';
import BlockIcon from '@material-ui/icons/Block';
import { ServiceStatus } from '../../api/types';
import { readableFill } from '../contrast';

const useStyles = makeStyles((theme: Theme) => ({
  chip: { height: 22, fontWeight: 600 },
  deprecated: {
    ...readableFill(theme, theme.palette.warning.main),
    '& svg': { color: 'inherit' },
  },
  retired: {
    ...readableFill(theme, theme.palette.error.main),
    '& svg': { color: 'inherit' },
  },
}));

/** True for a status consumers should move away from. */
export function isEndOfLife(status: ServiceStatus | undefined): boolean {
  return status === 'deprecated' || status === 'retired';
}

/**
 * A small chip with a lifecycle status in words. `deprecated` and `retired` are filled in the
 * warning and error colours (as dark as their words need) with an icon; the other statuses are outlined.
 */
export function ServiceStatusChip(props: { status: ServiceStatus }) {
  const { status } = props;
  const classes = useStyles();
  const label = status;
  if (status === 'deprecated' || status === 'retired') {
    const Icon = status === 'deprecated' ? WarningIcon : BlockIcon;
    return (
      <Chip
        size="small"
        icon={<Icon fontSize="small" />}
        label={label}
        className={`${classes.chip} ${classes[status]}`}
        data-status={status}
      />
    );
  }
  return (
    <Chip
      size="small"
      variant="outlined"
      label={label}
      className={classes.chip}
      data-status={status}
    />
  );
}
