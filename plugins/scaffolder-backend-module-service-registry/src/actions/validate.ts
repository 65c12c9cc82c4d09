import { promises as fs } from 'node:fs';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  CHANGE_RISKS,
  CHANGE_TYPES,
  classifyChange,
  describeChangeSubject,
  describeUnreadBaseFile,
  ENTITY_NAME_PATTERN,
  fitMarkdown,
  markdownCode,
  MarkdownReportLimits,
  renderChangeReportMarkdown,
  uniqueApprovers,
} from '@service-registry/plugin-service-registry-common';
import {
  readRegistryDirectory,
  RegistryThread,
} from '@service-registry/plugin-service-registry-node';
import {
  assertCalendarDate,
  DATE_MESSAGE,
  DATE_PATTERN,
  REGISTRY_PATH_DESCRIPTION,
} from '../lib/schemas';
import {
  DEFAULT_BASE_PATH,
  readWorkspaceRegistryFiles,
  resolveWorkspacePath,
} from '../lib/workspaceRegistry';
import { examples } from './validate.examples';

/** What a report cut to fit a pull request's body says after the cut. */
const REPORT_CUT_NOTICE =
  'The log of this step lists every finding and breaking change; `service-registry diff` of the branch against its base in the registry repository prints the whole report.';

const SHARED_SYSTEM_MESSAGE =
  'must be a catalog entity name, as the catalog provider\'s sharedSystem is: letters and digits joined by "-", "_" or ".", at most 63 characters (e.g. "shared")';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Creates the `service-registry:validate` action: validates the registry in the workspace and
 * compares it with the base (the checkout before the edit, which service-registry:registry:fetch
 * keeps), then outputs the change report as markdown for the pull request body (`pullRequestBody`:
 * the report after the input `preamble`, fitted as a whole to GitHub's 65,536 characters): the
 * findings the change brings, what changed, the breaking changes and the projects and owners they
 * affect, and the approvals the policies' `[change_control]` requires ("Required approvals", whose
 * approvers are also the output `requiredApprovers`, for service-registry:resolve-reviewers). A
 * service id a project of the change declares while another project declared it in base stays that
 * project's: the new declaration is reported as the duplicate. The findings include the catalog
 * provider's: its warnings about owners and tags, and its `catalog/duplicate-entity` error for a
 * project named like the System of global services (input `sharedSystem`, default `shared`, as the
 * provider's `sharedSystem`), and its `catalog/invalid-entity` error for a project folder whose
 * name cannot name a System. The step logs the findings the change brings and its breaking changes,
 * and fails when the change brings errors (`failOn: new-errors`, the default); findings the
 * registry already had do not block a change. The registry is loaded, validated and diffed on a
 * worker thread (`RegistryThread`), not on the backend's own: one per action, started by a step and
 * stopped when no step is left to answer; steps of tasks run at the same time take turns on it.
 *
 * @public
 */
export function createServiceRegistryValidateAction() {
  // loading, validating and diffing a registry of thousands of services takes seconds: on a
  // thread of its own, not the one every request of the backend waits for. Tasks validating at
  // the same time take turns on it, so that they hold one review's memory at a time, not one each.
  const thread = new RegistryThread({ stopWhenIdle: true });
  return createTemplateAction({
    id: 'service-registry:validate',
    description:
      'Validates the TOML registry in the workspace against its base, fails on new errors, and outputs the change report (findings, breaking changes, impacted projects and owners, required approvals) as markdown.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        registryPath: z =>
          z.string({ description: REGISTRY_PATH_DESCRIPTION }).optional(),
        basePath: z =>
          z
            .string({
              description:
                'Folder of the registry before the edit, in the workspace (default `.service-registry/base`, where service-registry:registry:fetch keeps it)',
            })
            .optional(),
        failOn: z =>
          z
            .enum(['new-errors', 'errors', 'breaking-changes', 'never'], {
              description:
                '`new-errors` (default): fail when the change brings errors; `errors`: fail on any error; `breaking-changes`: also fail on breaking changes; `never`: only report',
            })
            .optional(),
        today: z =>
          z
            .string({
              description:
                'The day lifecycle dates are compared with (default: today, UTC)',
            })
            .regex(DATE_PATTERN, DATE_MESSAGE)
            .optional(),
        title: z =>
          z.string({ description: 'Heading of the report' }).optional(),
        preamble: z =>
          z
            .string({
              description:
                'Markdown to put before the report in the `pullRequestBody` output (e.g. the consumers of a deprecated service): the two are fitted to the 65,536 characters GitHub takes as a whole',
            })
            .optional(),
        sharedSystem: z =>
          z
            .string({
              description:
                "The catalog provider's `sharedSystem`, the System of global services (default `shared`): a project named like it is a `catalog/duplicate-entity` error",
            })
            .max(63, SHARED_SYSTEM_MESSAGE)
            .regex(ENTITY_NAME_PATTERN, SHARED_SYSTEM_MESSAGE)
            .optional(),
      },
      output: {
        report: z => z.string({ description: 'The change report, markdown' }),
        pullRequestBody: z =>
          z.string({
            description:
              'The `preamble`, then the change report, fitted as a whole to the 65,536 characters GitHub takes as a pull request body (the report alone when there is no preamble)',
          }),
        valid: z =>
          z.boolean({ description: 'Whether the change brings no error' }),
        errors: z => z.number({ description: 'Errors the change brings' }),
        warnings: z => z.number({ description: 'Warnings the change brings' }),
        existingErrors: z =>
          z.number({ description: 'Errors the registry already had' }),
        breakingChanges: z =>
          z.number({ description: 'Number of breaking changes' }),
        impactedProjects: z =>
          z.array(z.string(), {
            description: 'Projects affected by the breaking changes',
          }),
        impactedOwners: z =>
          z.array(z.string(), {
            description:
              'Owners of the affected services and who must approve the breaking changes',
          }),
        added: z => z.array(z.string(), { description: 'Services added' }),
        changed: z =>
          z.array(z.string(), {
            description:
              'Services changed (ids, each once: a change to a project override counts for its service)',
          }),
        changedSubjects: z =>
          z.array(z.string(), {
            description:
              'What changed, as the change report names it: "shared-auth", or "shared-auth in project shop (override)" for a project\'s override',
          }),
        removed: z => z.array(z.string(), { description: 'Services removed' }),
        changeType: z =>
          z.enum(CHANGE_TYPES, {
            description:
              "The change's type, from the weightiest thing it does (seed 000's change types): for a pull request's title or labels",
          }),
        changeRisk: z =>
          z.enum(CHANGE_RISKS, {
            description: "How risky the change's type is",
          }),
        requiredApprovers: z =>
          z.array(z.string(), {
            description:
              "The approvers of the report's \"Required approvals\" list (the policies' `[change_control]` and the breaking changes' approvers), each once (`@name` and `name` being one), as written: for service-registry:resolve-reviewers",
          }),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      // the runner checked the input against the JSON Schema only: what it cannot say, here
      assertCalendarDate('today', input.today);
      const failOn = input.failOn ?? 'new-errors';
      const head = await readWorkspaceRegistryFiles(
        ctx.workspacePath,
        input.registryPath,
      );
      const basePath = input.basePath ?? DEFAULT_BASE_PATH;
      const baseDir = resolveWorkspacePath(
        ctx.workspacePath,
        basePath,
        'basePath',
      );
      if (!(await fs.stat(baseDir).catch(() => undefined))?.isDirectory()) {
        throw new InputError(
          `No base registry at ${basePath} in the workspace: fetch the registry with service-registry:registry:fetch before editing it (it keeps the base there), or set basePath.`,
        );
      }
      const baseFiles = await readRegistryDirectory(baseDir);
      // with the catalog provider's findings: the report shows what the catalog would
      const options = {
        ...(input.today ? { today: input.today } : {}),
        catalog: { sharedSystem: input.sharedSystem ?? 'shared' },
      };
      const {
        findingCounts,
        introduced: added,
        diff,
        unreadBaseFiles,
      } = await thread.reviewRegistryChange(baseFiles, head.files, options);

      const errors = added.filter(f => f.severity === 'error');
      const warnings = added.filter(f => f.severity === 'warning');
      const existingErrors = findingCounts.errors - errors.length;

      const impactedProjects = [
        ...new Set(diff.breakingChanges.flatMap(c => c.affectedProjects)),
      ].sort();
      // an owner (`platform-team`) and an approver (`@platform-team`) are one team
      const impactedOwners = uniqueApprovers(
        diff.breakingChanges.flatMap(change => [
          ...change.impact.services.flatMap(s => (s.owner ? [s.owner] : [])),
          ...change.approvers,
        ]),
      ).sort();

      const notes: string[] = [];
      if (impactedOwners.length) {
        notes.push(
          `**Impacted owners and approvers:** ${impactedOwners
            .map(o => `\`${o}\``)
            .join(', ')}`,
        );
      }
      const existing =
        findingCounts.errors +
        findingCounts.warnings +
        findingCounts.infos -
        added.length;
      if (existing > 0) {
        notes.push(
          `_The validation lists the findings this change brings; the registry already had ${plural(
            existing,
            'finding',
          )} (${plural(existingErrors, 'error')}), not listed here._`,
        );
      }
      // the report is the pull request's body: GitHub refuses one longer than 65,536 characters
      // files base could not read, compared as the edit has them: said before the breaking
      // changes they may hide, as the CLI's report says them
      const changeNotes = unreadBaseFiles.map(
        unread =>
          `⚠️ ${describeUnreadBaseFile(unread, { format: markdownCode })}`,
      );
      const render = (limits: MarkdownReportLimits) =>
        `${renderChangeReportMarkdown(
          { findings: added, diff },
          { title: input.title, changeNotes, ...limits },
        )}${notes.length ? `\n${notes.join('\n\n')}\n` : ''}`;
      const fitOptions = {
        findings: added.length,
        cutNotice: REPORT_CUT_NOTICE,
      };
      const report = fitMarkdown(render, fitOptions);
      // with a preamble the body is fitted whole: the report gives up the room the preamble takes
      const preamble = input.preamble?.trim() ? `${input.preamble}\n` : '';
      const pullRequestBody = preamble
        ? fitMarkdown(limits => `${preamble}${render(limits)}`, fitOptions)
        : report;

      for (const f of added) {
        const line = `${f.severity} ${f.code} at ${f.file}:${f.line}:${
          f.column
        }${f.service ? ` (${f.service})` : ''}: ${f.message}`;
        if (f.severity === 'error') ctx.logger.error(line);
        else ctx.logger.warn(line);
      }
      for (const change of diff.breakingChanges) {
        ctx.logger.warn(
          `breaking change ${change.kind} of ${change.service}: ${change.message}`,
        );
      }
      ctx.logger.info(
        `Registry change: ${plural(errors.length, 'new error')}, ${plural(
          warnings.length,
          'new warning',
        )}, ${plural(diff.breakingChanges.length, 'breaking change')}${
          impactedProjects.length
            ? ` affecting ${impactedProjects.join(', ')}`
            : ''
        }.`,
      );

      ctx.output('report', report);
      ctx.output('pullRequestBody', pullRequestBody);
      ctx.output('valid', errors.length === 0);
      ctx.output('errors', errors.length);
      ctx.output('warnings', warnings.length);
      ctx.output('existingErrors', existingErrors);
      ctx.output('breakingChanges', diff.breakingChanges.length);
      ctx.output('impactedProjects', impactedProjects);
      ctx.output('impactedOwners', impactedOwners);
      // the review's arrays were made where the thread's answer arrived, and are copied: in a
      // sandboxed module context (a Jest test of a template) that is another realm, whose arrays
      // the scaffolder's templating refuses ("Template arrays cannot use a custom prototype")
      ctx.output('added', [...diff.added]);
      ctx.output('changed', [...new Set(diff.changed.map(c => c.service))]);
      ctx.output(
        'changedSubjects',
        Array.from(diff.changed, c => describeChangeSubject(c)),
      );
      ctx.output('removed', [...diff.removed]);
      const classification = classifyChange(diff);
      ctx.output('changeType', classification.type);
      ctx.output('changeRisk', classification.risk);
      ctx.output(
        'requiredApprovers',
        uniqueApprovers(diff.requiredApprovals.map(a => a.approver)),
      );

      const failures: string[] = [];
      if (failOn !== 'never' && errors.length) {
        failures.push(`the change brings ${plural(errors.length, 'error')}`);
      }
      if (failOn === 'errors' && existingErrors > 0) {
        failures.push(
          `the registry already has ${plural(existingErrors, 'error')}`,
        );
      }
      if (failOn === 'breaking-changes' && diff.breakingChanges.length) {
        failures.push(
          `the change has ${plural(
            diff.breakingChanges.length,
            'breaking change',
          )}`,
        );
      }
      if (failures.length) {
        throw new InputError(
          `Registry validation failed: ${failures.join(
            '; ',
          )}. The findings are in the log above with their file, line and column; fix the input and run the template again.`,
        );
      }
    },
  });
}
