import { Chip, makeStyles, Theme, useTheme } from '@material-ui/core';
import { DeprecationStatus } from '../../api/types';
import { readableFill } from '../contrast';

/*
 * The vocabulary of the deprecation views (timeline, migration card, warning banner, deprecations
 * page): status words and colours and day counts.
 */

/**
 * What each deprecation status is called on screen.
 *
 * @public
 */
export const DEPRECATION_STATUS_LABELS: Readonly<
  Record<DeprecationStatus, string>
> = {
  overdue: 'Overdue',
  'at-risk': 'At risk',
  'on-track': 'On track',
  'no-sunset': 'No sunset date',
  done: 'No consumers left',
};

/**
 * The words of a migration's status: "Retired" for a retired service, else the status label.
 *
 * @param status - the migration status
 * @param lifecycle - the service's lifecycle, when known
 * @public
 */
export function deprecationStatusLabel(
  status: DeprecationStatus,
  lifecycle?: 'deprecated' | 'retired',
): string {
  return lifecycle === 'retired'
    ? 'Retired'
    : DEPRECATION_STATUS_LABELS[status];
}

/**
 * Colours of the statuses from the theme: overdue in the error colour, at-risk in the warning
 * colour, on-track in a calm (info) colour, no-sunset in grey, done in the success colour.
 *
 * @param theme - the MUI theme
 * @public
 */
export function deprecationStatusColors(
  theme: Theme,
): Record<DeprecationStatus, string> {
  return {
    overdue: theme.palette.error.main,
    'at-risk': theme.palette.warning.main,
    'on-track': theme.palette.info.main,
    'no-sunset': theme.palette.grey[600],
    done: theme.palette.success.main,
  };
}

/**
 * The colour of a migration: its status colour, grey for a retired service nobody uses any more.
 *
 * @param theme - the MUI theme
 * @param status - the migration status
 * @param lifecycle - the service's lifecycle, when known
 * @public
 */
export function deprecationColor(
  theme: Theme,
  status: DeprecationStatus,
  lifecycle?: 'deprecated' | 'retired',
): string {
  if (lifecycle === 'retired' && status === 'done') {
    return theme.palette.grey[600];
  }
  return deprecationStatusColors(theme)[status];
}

const useChipStyles = makeStyles({
  chip: { fontWeight: 600 },
});

/**
 * Props of {@link DeprecationStatusChip}.
 *
 * @public
 */
export interface DeprecationStatusChipProps {
  /** The migration status. */
  status: DeprecationStatus;
  /** The service's lifecycle: a retired service reads "Retired". */
  lifecycle?: 'deprecated' | 'retired';
  /** Chip size (default small). */
  size?: 'small' | 'medium';
}

/**
 * A chip filled with the status colour that says where a migration stands: On track, At risk,
 * Overdue, Retired…
 *
 * @public
 */
export function DeprecationStatusChip(props: DeprecationStatusChipProps) {
  const { status, lifecycle, size = 'small' } = props;
  const theme = useTheme();
  const classes = useChipStyles();
  return (
    <Chip
      size={size}
      label={deprecationStatusLabel(status, lifecycle)}
      className={classes.chip}
      // the status colour, as dark (or light) as the words on it need to read
      style={readableFill(theme, deprecationColor(theme, status, lifecycle))}
      data-status={status}
    />
  );
}

/**
 * `1 day`, `12 days`.
 *
 * @param n - a count of days, not negative
 * @public
 */
export function pluralDays(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

/**
 * How far the sunset is: `18 days left`, `sunset is today`, `12 days overdue` (or `sunset passed 3
 * days ago` once nothing depends on the service any more), `no sunset date`.
 *
 * @param daysToSunset - days from today to the sunset, negative once passed
 * @param status - the migration status
 * @public
 */
export function sunsetDistance(
  daysToSunset: number | undefined,
  status: DeprecationStatus,
): string {
  if (daysToSunset === undefined) return 'no sunset date';
  if (daysToSunset === 0) return 'sunset is today';
  if (daysToSunset > 0) return `${pluralDays(daysToSunset)} left`;
  const passed = pluralDays(-daysToSunset);
  return status === 'done'
    ? `sunset passed ${passed} ago`
    : `${passed} overdue`;
}

/**
 * `24 h`, or a dash when unknown.
 *
 * @param hours - hours of effort
 * @public
 */
export function formatEffort(hours: number | undefined): string {
  if (hours === undefined) return '—';
  return `${Math.round(hours * 10) / 10} h`;
}

// moved next to the other helpers that tell the backend's 404s apart; still exported from here
export { isNotFoundError } from '../../api/notFound';

const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 (UTC) of a `YYYY-MM-DD` day or an ISO time, fractional for a time.
 *
 * @param value - `YYYY-MM-DD` or an ISO time
 * @public
 */
export function dayNumber(value: string): number {
  const time = Date.parse(
    /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value,
  );
  return time / MS_PER_DAY;
}

/**
 * The `YYYY-MM-DD` day (UTC) of a day number of {@link dayNumber}.
 *
 * @param day - days since 1970-01-01
 * @public
 */
export function dayString(day: number): string {
  return new Date(Math.floor(day) * MS_PER_DAY).toISOString().slice(0, 10);
}
