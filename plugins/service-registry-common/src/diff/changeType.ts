import semver from 'semver';
import { plural } from '../report/markdownText';
import { ApprovalSubject, FieldChange, RegistryDiff } from './types';

/**
 * The type of a registry change, from the weightiest thing it does (seed 000's change types:
 * bugfix, feature, breaking change, deprecation):
 *
 * - `breaking`: it has breaking changes (high risk);
 * - `deprecation`: a service becomes `deprecated` or `retired` (its consumers must migrate;
 *   medium risk);
 * - `feature`: a service is added or removed, a version goes up by a minor or major release, or
 *   a service requires another one more (medium risk);
 * - `configuration`: other fields, a project's declaration or the policies change (low risk;
 *   medium when the policies change: every service is judged by them);
 * - `bugfix`: patch releases, and nothing weightier (low risk);
 * - `documentation`: only the fields that describe a service (`name`, `description`, `tags`;
 *   no risk);
 * - `none`: nothing changed.
 *
 * @public
 */
export type ChangeType = (typeof CHANGE_TYPES)[number];

/**
 * Every {@link ChangeType}, from the lightest to the weightiest.
 *
 * @public
 */
export const CHANGE_TYPES = [
  'none',
  'documentation',
  'bugfix',
  'configuration',
  'feature',
  'deprecation',
  'breaking',
] as const;

/**
 * How risky a change is, by its type (see {@link ChangeType}).
 *
 * @public
 */
export type ChangeRisk = (typeof CHANGE_RISKS)[number];

/**
 * Every {@link ChangeRisk}, from no risk to the highest.
 *
 * @public
 */
export const CHANGE_RISKS = ['none', 'low', 'medium', 'high'] as const;

/**
 * One thing that makes a change of its type: a service's (`auth`, `deprecated`; `auth`, the field
 * `metadata.replicas`), or a count (`2 breaking changes`).
 *
 * @public
 */
export interface ChangeTypeReason {
  /** The service, or a project's view of it, that the reason is about. */
  subject?: ApprovalSubject;
  /** What it does (`deprecated`, `minor release`, `2 breaking changes`). */
  what?: string;
  /** The changed field, by path, for a change of one (`metadata.replicas`). */
  field?: string;
}

/**
 * The type and risk of a whole registry change, and what decided them.
 *
 * @public
 */
export interface ChangeClassification {
  /** The weightiest kind of thing the change does. */
  type: ChangeType;
  /** How risky that is. */
  risk: ChangeRisk;
  /** What makes it of its type, in the diff's order. */
  reasons: ChangeTypeReason[];
}

/** The fields that only describe a service: a change of them alone is no configuration change. */
const DESCRIPTIVE = new Set(['name', 'description', 'tags']);

const RISK: Record<ChangeType, ChangeRisk> = {
  none: 'none',
  documentation: 'none',
  bugfix: 'low',
  configuration: 'low',
  feature: 'medium',
  deprecation: 'medium',
  breaking: 'high',
};

/**
 * How a version goes up: `major`, `minor` or `patch` (to a prerelease too: `1.0.0` →
 * `1.1.0-beta.1` is `minor`), `prerelease` (`1.0.0-beta.1` → `1.0.0-beta.2`); undefined when it
 * does not go up or is no version.
 */
function versionStep(change: FieldChange): string | undefined {
  const before = semver.valid(String(change.before));
  const after = semver.valid(String(change.after));
  if (!before || !after || !semver.gt(after, before)) return undefined;
  const step = semver.diff(before, after);
  return step === 'prerelease' ? step : step?.replace(/^pre/, '');
}

/** Whether a service requires an entry more in head than in base. */
function requiresMore(change: FieldChange): boolean {
  const before = Array.isArray(change.before) ? change.before : [];
  const after = Array.isArray(change.after) ? change.after : [];
  const known = new Set(before.map(e => JSON.stringify(e)));
  return after.some(e => !known.has(JSON.stringify(e)));
}

/**
 * The type and risk of a registry change (see {@link ChangeType}), for the change report, a
 * commit message or a label of the pull request.
 *
 * @param diff - the diff of base and head
 * @public
 */
export function classifyChange(diff: RegistryDiff): ChangeClassification {
  const found = new Map<ChangeType, ChangeTypeReason[]>();
  const add = (type: ChangeType, reason: ChangeTypeReason) =>
    found.set(type, [...(found.get(type) ?? []), reason]);
  const count = (n: number, word: string, done: string) => ({
    what: `${plural(n, word)}${done}`,
  });
  if (diff.breakingChanges.length > 0) {
    add('breaking', count(diff.breakingChanges.length, 'breaking change', ''));
  }
  if (diff.added.length > 0) {
    add('feature', count(diff.added.length, 'service', ' added'));
  }
  if (diff.removed.length > 0) {
    add('feature', count(diff.removed.length, 'service', ' removed'));
  }
  for (const change of diff.changed) {
    const subject: ApprovalSubject = change.override
      ? { service: change.service, project: change.project, override: true }
      : { service: change.service };
    for (const { path, before, after } of change.changes) {
      const step =
        path === 'version' ? versionStep({ path, before, after }) : undefined;
      if (
        path === 'status' &&
        (after === 'deprecated' || after === 'retired')
      ) {
        add('deprecation', { subject, what: after });
      } else if (
        step === 'major' ||
        step === 'minor' ||
        step === 'prerelease'
      ) {
        add('feature', { subject, what: `${step} release` });
      } else if (step === 'patch') {
        add('bugfix', { subject, what: 'patch release' });
      } else if (
        path === 'dependencies.requires' &&
        requiresMore({ path, before, after })
      ) {
        add('feature', { subject, what: 'requires one more service' });
      } else {
        add(DESCRIPTIVE.has(path) ? 'documentation' : 'configuration', {
          subject,
          field: path,
        });
      }
    }
  }
  if (diff.projectChanges.length > 0) {
    add(
      'configuration',
      count(diff.projectChanges.length, 'project', ' changed'),
    );
  }
  if (diff.policyChanges.length > 0) {
    add(
      'configuration',
      count(diff.policyChanges.length, 'policy key', ' changed'),
    );
  }
  const type = [...CHANGE_TYPES].reverse().find(t => found.has(t)) ?? 'none';
  const risk =
    type === 'configuration' && diff.policyChanges.length > 0
      ? 'medium'
      : RISK[type];
  return { type, risk, reasons: found.get(type) ?? [] };
}
