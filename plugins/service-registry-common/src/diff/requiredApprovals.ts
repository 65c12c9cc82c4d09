import { LoadedRegistry } from '../model/types';
import {
  ApprovalReason,
  ApprovalSubject,
  BreakingChange,
  RegistryDiff,
  RequiredApproval,
  ServiceChange,
} from './types';
import { approverKey, uniqueApprovers } from './uniqueApprovers';

/**
 * Fields whose change is descriptive text only: no `[change_control]` approval is needed for
 * them.
 */
const DESCRIPTIVE_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'description',
  'tags',
]);

/** The fields of a project's declaration whose change is descriptive text only. */
const DESCRIPTIVE_PROJECT_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'description',
]);

/** The field whose change is a version bump. */
const VERSION = 'version';

/** A version as the approval reason shows it: as written, or its TOML value as JSON. */
function versionText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The subject of a change: its service, and the project of an override. */
function subjectOf(change: ServiceChange | BreakingChange): ApprovalSubject {
  const subject: ApprovalSubject = { service: change.service };
  if (change.project !== undefined) subject.project = change.project;
  if (change.override) subject.override = true;
  return subject;
}

const subjectKey = (subject: ApprovalSubject) =>
  JSON.stringify([subject.service, subject.project, subject.override]);

/**
 * Who must approve a diff, by the policies' `[change_control]` (base's and head's together, so
 * that a change cannot lower the bar it is judged by; each entry as written: `@maintainer` is an
 * approver's name, not resolved to an owner) and the approvers of its breaking changes (whose
 * owners are team handles without the `@`: `@name` and `name` are one approver, as first
 * written, with the reasons of both): each breaking change needs its `approvers`; a `version`
 * change `version_bumps_require`; a change of any other field but the descriptive text (`name`,
 * `description`, `tags`) `config_changes_require`, and so does a change of a project's
 * declaration (but its `name` and `description`); a change of the policies
 * `breaking_changes_require`. Added and removed services are not changes of a service's fields
 * (a removal that breaks consumers is a breaking change).
 *
 * @param base - the registry before
 * @param head - the registry after
 * @param diff - their diff, without its approvals
 * @returns each approver once, by the first change that needs it, with every change it must approve
 */
export function requiredApprovalsOf(
  base: LoadedRegistry,
  head: LoadedRegistry,
  diff: Pick<
    RegistryDiff,
    'breakingChanges' | 'changed' | 'projectChanges' | 'policyChanges'
  >,
): RequiredApproval[] {
  // base's and head's together: a change cannot lower the bar it is judged by
  const policyOf = (
    key:
      | 'versionBumpsRequire'
      | 'configChangesRequire'
      | 'breakingChangesRequire',
  ): string[] => [
    ...(base.policies.changeControl?.[key] ?? []),
    ...(head.policies.changeControl?.[key] ?? []),
  ];
  // by approverKey: `@name` and `name` are one approver, spelled as first seen
  const byApprover = new Map<string, RequiredApproval>();
  const addReason = (approvers: readonly string[], reason: ApprovalReason) => {
    for (const approver of uniqueApprovers(approvers)) {
      const key = approverKey(approver);
      const entry = byApprover.get(key) ?? { approver, reasons: [] };
      entry.reasons.push(reason);
      byApprover.set(key, entry);
    }
  };

  // breaking changes: one reason per subject and approver, with the kinds it must approve
  const breaking = new Map<string, Map<string, ApprovalReason>>();
  for (const change of diff.breakingChanges) {
    const subject = subjectOf(change);
    const key = subjectKey(subject);
    const reasons = breaking.get(key) ?? new Map<string, ApprovalReason>();
    breaking.set(key, reasons);
    for (const approver of uniqueApprovers(change.approvers)) {
      const reason = reasons.get(approverKey(approver));
      if (reason?.kind === 'breaking') {
        if (!reason.breakingKinds.includes(change.kind)) {
          reason.breakingKinds.push(change.kind);
        }
        continue;
      }
      const added: ApprovalReason = {
        kind: 'breaking',
        ...subject,
        breakingKinds: [change.kind],
      };
      reasons.set(approverKey(approver), added);
      addReason([approver], added);
    }
  }

  const bumps: Array<[ApprovalSubject, ServiceChange['changes'][number]]> = [];
  const configs: Array<[ApprovalSubject, string[]]> = [];
  for (const change of diff.changed) {
    const subject = subjectOf(change);
    const version = change.changes.find(c => c.path === VERSION);
    if (version) bumps.push([subject, version]);
    const fields = change.changes
      .map(c => c.path)
      .filter(path => path !== VERSION && !DESCRIPTIVE_FIELDS.has(path));
    if (fields.length > 0) configs.push([subject, fields]);
  }
  for (const [subject, version] of bumps) {
    const reason: ApprovalReason = { kind: 'version-bump', ...subject };
    const before = versionText(version.before);
    const after = versionText(version.after);
    if (before !== undefined) reason.before = before;
    if (after !== undefined) reason.after = after;
    addReason(policyOf('versionBumpsRequire'), reason);
  }
  for (const [subject, fields] of configs) {
    addReason(policyOf('configChangesRequire'), {
      kind: 'config-change',
      ...subject,
      fields,
    });
  }
  for (const change of diff.projectChanges) {
    const fields = change.changes
      .map(c => c.path)
      .filter(path => !DESCRIPTIVE_PROJECT_FIELDS.has(path));
    if (fields.length === 0) continue;
    addReason(policyOf('configChangesRequire'), {
      kind: 'project-change',
      project: change.project,
      fields,
    });
  }
  if (diff.policyChanges.length > 0) {
    addReason(policyOf('breakingChangesRequire'), {
      kind: 'policy-change',
      paths: diff.policyChanges.map(c => c.path),
    });
  }
  return [...byApprover.values()];
}
