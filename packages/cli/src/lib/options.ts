import { MAX_REGISTRY_FILE_BYTES_LIMIT } from '@service-registry/plugin-service-registry-common';
import { UsageError } from './errors';
import { FINDING_AREAS } from '../format/findingAreas';

/** Output formats of `validate`, `diff` and `impact`. */
export type ReportFormat =
  | 'text'
  | 'json'
  | 'markdown'
  | 'github'
  | 'gitlab'
  | 'sarif';

const REPORT_FORMATS: ReportFormat[] = [
  'text',
  'json',
  'markdown',
  'github',
  'gitlab',
  'sarif',
];

/** Checks a `--format` value against the allowed ones. */
export function reportFormat(
  value: string | undefined,
  allowed = REPORT_FORMATS,
): ReportFormat {
  const format = (value ?? 'text') as ReportFormat;
  if (!allowed.includes(format)) {
    throw new UsageError(
      `--format must be one of ${allowed.join(', ')}, got ${value}`,
    );
  }
  return format;
}

/** Checks `--today` (YYYY-MM-DD, a day of the calendar: not 2026-02-31). */
export function todayOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? new Date(`${value}T00:00:00Z`)
    : undefined;
  if (
    !date ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== value
  ) {
    throw new UsageError(`--today must be a date as YYYY-MM-DD, got ${value}`);
  }
  return value;
}

/** A count written in decimal digits (`10`; not `''`, `1e1` or `0x2`), else undefined. */
function decimalInteger(value: string): number | undefined {
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

/** Checks `--max-warnings` (a non-negative integer). */
export function maxWarningsOption(
  value: string | undefined,
): number | undefined {
  if (value === undefined) return undefined;
  const n = decimalInteger(value);
  if (n === undefined) {
    throw new UsageError(
      `--max-warnings must be a non-negative integer, got ${value}`,
    );
  }
  return n;
}

/** Checks `--max-depth` (a positive integer). */
export function maxDepthOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = decimalInteger(value);
  if (n === undefined || n === 0) {
    throw new UsageError(
      `--max-depth must be a positive integer, got ${value}`,
    );
  }
  return n;
}

/**
 * Checks `--max-file-bytes` (a positive whole number of bytes, in decimal digits): the size above
 * which the registry readers do not read a file.
 */
export function maxFileBytesOption(
  value: string | undefined,
): number | undefined {
  if (value === undefined) return undefined;
  const n = decimalInteger(value);
  if (
    n === undefined ||
    n === 0 ||
    !Number.isSafeInteger(n) ||
    n > MAX_REGISTRY_FILE_BYTES_LIMIT
  ) {
    throw new UsageError(
      `--max-file-bytes must be a positive whole number of bytes up to ${MAX_REGISTRY_FILE_BYTES_LIMIT} (256 MiB, the largest file the CLI holds as text; e.g. 33554432 for 32 MiB), got ${value}`,
    );
  }
  return n;
}

/**
 * Checks `--only` (areas of finding codes, comma-separated: `dependency,security`; an area may be
 * written with its `/`), each one the validation reports.
 */
export function onlyOption(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const areas = value
    .split(',')
    .map(area => area.trim().replace(/\/$/, ''))
    .filter(area => area !== '');
  const unknown = areas.filter(area => !FINDING_AREAS.includes(area));
  if (areas.length === 0 || unknown.length > 0) {
    throw new UsageError(
      `--only takes areas of finding codes, comma-separated (${FINDING_AREAS.join(
        ', ',
      )}), got ${value}`,
    );
  }
  return [...new Set(areas)];
}
