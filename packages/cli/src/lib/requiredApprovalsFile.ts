import { z } from 'zod';
import { RequiredApprovalEntry } from './approvalCheck';
import { ReadError } from './errors';
import { readWrittenFile } from './reportFile';

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
 * missing, not JSON or not that report is a {@link ReadError} that says what is wrong.
 */
export async function requiredApprovalsIn(
  file: string,
  cwd: string,
): Promise<RequiredApprovalEntry[]> {
  const text = await readWrittenFile(
    file,
    cwd,
    'service-registry diff … --format json',
  );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ReadError(
      `${file} is not JSON (${
        (error as Error).message
      }): write it with service-registry diff … --format json`,
    );
  }
  const parsed = diffReport.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ReadError(
      `${file} is not the JSON report of service-registry diff: ${
        issue.path.join('.') || 'the document'
      }: ${issue.message}`,
    );
  }
  return parsed.data.diff.requiredApprovals;
}
