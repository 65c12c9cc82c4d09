import { z } from 'zod';
import { RequiredApprovalEntry } from './approvalCheck';
import { readDiffReport } from './diffReportFile';

/** The part of `diff --format json` the approval checks read. */
const diffReport = z.object({
  command: z.literal('diff'),
  diff: z.object({
    requiredApprovals: z.array(
      z.object({
        approver: z.string().trim().min(1),
        reasons: z.array(z.object({ kind: z.string() })),
      }),
    ),
  }),
});

/**
 * The approvals the JSON report of `diff` in `file` (relative to `cwd`) requires; a file that is
 * missing, not JSON or not that report is a `ReadError` that says what is wrong.
 */
export async function requiredApprovalsIn(
  file: string,
  cwd: string,
): Promise<RequiredApprovalEntry[]> {
  return (await readDiffReport(file, cwd, diffReport)).diff.requiredApprovals;
}
