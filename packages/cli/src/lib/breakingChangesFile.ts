import { z } from 'zod';
import { readDiffReport } from './diffReportFile';

/** A consumer as the JSON report of `diff` names it. */
const consumer = z.object({
  id: z.string().min(1),
  project: z.string().min(1).nullable(),
  owner: z.string().optional(),
});

/** The part of a breaking change of `diff --format json` that `github-issues` reads. */
const breakingChange = z.object({
  kind: z.string().min(1),
  service: z.string().min(1),
  project: z.string().min(1).optional(),
  override: z.boolean().optional(),
  message: z.string(),
  approvers: z.array(z.string()),
  migrationGuide: z.string().optional(),
  impact: z.object({
    services: z.array(
      consumer.extend({
        depth: z.number().int().min(1),
        // the projects whose overrides of a global consumer it stands for
        overriddenIn: z.array(z.string().min(1)).optional(),
      }),
    ),
  }),
  optionalConsumers: z.array(consumer),
});

const diffReport = z.object({
  command: z.literal('diff'),
  base: z.string(),
  head: z.string(),
  diff: z.object({ breakingChanges: z.array(breakingChange) }),
});

/** A breaking change as `github-issues` reads it from the JSON report of `diff`. */
export type ReportedBreakingChange = z.infer<typeof breakingChange>;

/** What `github-issues` reads of the JSON report of `diff`. */
export interface ReportedChanges {
  /** Where the diff read base and head (`origin/main:registry`, `registry`). */
  base: string;
  head: string;
  /** The breaking changes, as the report lists them. */
  breakingChanges: ReportedBreakingChange[];
}

/**
 * The breaking changes of the JSON report of `diff` in `file` (relative to `cwd`); a file that is
 * missing, not JSON or not that report is a `ReadError` that says what is wrong.
 */
export async function breakingChangesIn(
  file: string,
  cwd: string,
): Promise<ReportedChanges> {
  const report = await readDiffReport(file, cwd, diffReport);
  return {
    base: report.base,
    head: report.head,
    breakingChanges: report.diff.breakingChanges,
  };
}
