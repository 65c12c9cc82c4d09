import { UsageError } from './errors';

/** Output formats of `validate`, `diff` and `impact`. */
export type ReportFormat = 'text' | 'json' | 'markdown' | 'github';

const REPORT_FORMATS: ReportFormat[] = ['text', 'json', 'markdown', 'github'];

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

/** Checks `--today` (YYYY-MM-DD). */
export function todayOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`))
  ) {
    throw new UsageError(`--today must be a date as YYYY-MM-DD, got ${value}`);
  }
  return value;
}

/** Checks `--max-warnings` (a non-negative integer). */
export function maxWarningsOption(
  value: string | undefined,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new UsageError(
      `--max-warnings must be a non-negative integer, got ${value}`,
    );
  }
  return n;
}
