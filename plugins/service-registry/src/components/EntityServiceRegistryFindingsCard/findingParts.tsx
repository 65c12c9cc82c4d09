import { Fragment } from 'react';
import { Chip, makeStyles, Theme } from '@material-ui/core';
import ErrorIcon from '@material-ui/icons/Error';
import InfoIcon from '@material-ui/icons/Info';
import WarningIcon from '@material-ui/icons/Warning';
import { Link } from '@backstage/core-components';
import { RouteRef, useRouteRef } from '@backstage/core-plugin-api';
import {
  FILE_TOO_LARGE_CODE,
  isUnreadFileFinding,
  unreadFileReason,
} from '@service-registry/plugin-service-registry-common';
import { FindingSeverity, RegistryFindingItem } from '../../api/types';
import { readableText } from '../contrast';

/** Severities from the most to the least severe. */
export const SEVERITIES: readonly FindingSeverity[] = [
  'error',
  'warning',
  'info',
];

/** 0 for errors, 1 for warnings, 2 for info: sorts errors first. */
export function severityRank(severity: FindingSeverity): number {
  const rank = SEVERITIES.indexOf(severity);
  return rank < 0 ? SEVERITIES.length : rank;
}

/** True when the value is a severity (for values read from a query string). */
export function isSeverity(value: unknown): value is FindingSeverity {
  return SEVERITIES.includes(value as FindingSeverity);
}

/** Errors first, then warnings, then info; otherwise by file, line and column. Stable. */
export function compareFindings(
  a: RegistryFindingItem,
  b: RegistryFindingItem,
): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    compareLocations(a, b)
  );
}

/** By file, then line, then column. */
export function compareLocations(
  a: RegistryFindingItem,
  b: RegistryFindingItem,
): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}

/** `file:line:column` of a finding. */
export function locationText(finding: RegistryFindingItem): string {
  return `${finding.file}:${finding.line}:${finding.column}`;
}

/**
 * True for a finding that keeps a file from being loaded, so that the catalog keeps its last good
 * version: it does not parse, or it is above the size limit (common's `isUnreadFileFinding`).
 */
export function isParseFinding(finding: RegistryFindingItem): boolean {
  return isUnreadFileFinding(finding);
}

/** True for a file that was not read because it is above the readers' size limit. */
export function isFileTooLargeFinding(finding: RegistryFindingItem): boolean {
  return finding.code === FILE_TOO_LARGE_CODE;
}

/** Why a file was not loaded, after its name: `does not parse`, or that it is too large. */
export function notLoadedReason(finding: RegistryFindingItem): string {
  const reason = unreadFileReason(finding);
  return isFileTooLargeFinding(finding) ? `is not read: it ${reason}` : reason;
}

/** "1 error", "2 warnings", "3 info". */
export function countLabel(severity: FindingSeverity, count: number): string {
  if (severity === 'info') return `${count} info`;
  return `${count} ${severity}${count === 1 ? '' : 's'}`;
}

/** How many findings of each severity. */
export function countBySeverity(
  items: RegistryFindingItem[],
): Record<FindingSeverity, number> {
  const counts: Record<FindingSeverity, number> = {
    error: 0,
    warning: 0,
    info: 0,
  };
  for (const item of items) {
    if (isSeverity(item.severity)) counts[item.severity] += 1;
  }
  return counts;
}

/**
 * The colour a severity is written in: the theme's error, warning or info colour, darkened (in
 * the dark theme lightened) as much as its words need to read on a card.
 */
export function severityTextColor(
  theme: Theme,
  severity: FindingSeverity,
): string {
  const palette = {
    error: theme.palette.error,
    warning: theme.palette.warning,
    info: theme.palette.info,
  }[severity];
  return readableText(theme, (palette ?? theme.palette.info).main);
}

/**
 * The outlined chips of a severity: written in the severity's colour (see `severityTextColor`),
 * bordered in the theme's; readable in both themes.
 */
export const useSeverityChipStyles = makeStyles(theme => ({
  error: {
    color: severityTextColor(theme, 'error'),
    borderColor: theme.palette.error.main,
  },
  warning: {
    color: severityTextColor(theme, 'warning'),
    borderColor: theme.palette.warning.main,
  },
  info: {
    color: severityTextColor(theme, 'info'),
    borderColor: theme.palette.info.main,
  },
  icon: { color: 'inherit' },
}));

const ICONS: Record<FindingSeverity, typeof ErrorIcon> = {
  error: ErrorIcon,
  warning: WarningIcon,
  info: InfoIcon,
};

/** The severity of a finding as a small outlined chip with its icon. */
export function SeverityChip(props: {
  severity: FindingSeverity;
  className?: string;
}) {
  const classes = useSeverityChipStyles();
  const { severity } = props;
  const Icon = ICONS[severity] ?? InfoIcon;
  return (
    <Chip
      size="small"
      variant="outlined"
      label={severity}
      icon={<Icon className={classes.icon} fontSize="small" />}
      className={[classes[severity] ?? classes.info, props.className]
        .filter(Boolean)
        .join(' ')}
    />
  );
}

/**
 * `file:line:column` of a finding: a link to that line of the registry's source when the backend
 * gave one (a registry read from a URL), plain text otherwise.
 */
export function FindingLocation(props: { finding: RegistryFindingItem }) {
  const { finding } = props;
  const text = locationText(finding);
  // a narrow column breaks the path after a folder, not inside a name
  const parts = text.split('/');
  const code = (
    <code>
      {parts.map((part, index) =>
        index < parts.length - 1 ? (
          <Fragment key={index}>
            {part}/<wbr />
          </Fragment>
        ) : (
          part
        ),
      )}
    </code>
  );
  if (!finding.url) return code;
  return (
    <Link
      to={finding.url}
      title={`Open ${finding.file} at line ${finding.line}`}
    >
      {code}
    </Link>
  );
}

/**
 * `useRouteRef` that gives undefined instead of throwing when the app does not mount the route
 * (a plain route ref of this plugin whose page the app may leave out). The hook always runs all of
 * its own hooks before it throws, so calling it in a try keeps the hook order stable.
 */
export function useOptionalRouteRef(
  routeRef: RouteRef<undefined>,
): (() => string) | undefined {
  try {
    return useRouteRef(routeRef);
  } catch {
    return undefined;
  }
}
