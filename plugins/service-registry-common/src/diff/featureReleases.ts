import semver from 'semver';
import { keyPosition } from '../load/filePositions';
import { getServiceForProject } from '../model/getServiceForProject';
import { LoadedRegistry } from '../model/types';
import { FeatureRelease, ServiceChange } from './types';

/** The stages whose services take fixes only (seed 000: maintenance, deprecated). */
const FIXES_ONLY: ReadonlySet<string> = new Set(['maintenance', 'deprecated']);

/** Whether a status is one of the stages that take fixes only. */
function takesFixesOnly(
  status: string | undefined,
): status is FeatureRelease['status'] {
  return status !== undefined && FIXES_ONLY.has(status);
}

/** `minor` or `major` when `after` is a later release than `before` that is more than a patch. */
function featureReleaseOf(
  before: unknown,
  after: unknown,
): 'minor' | 'major' | undefined {
  if (typeof before !== 'string' || typeof after !== 'string') return undefined;
  const from = semver.valid(before);
  const to = semver.valid(after);
  if (!from || !to || !semver.gt(to, from)) return undefined;
  if (semver.major(to) > semver.major(from)) return 'major';
  if (semver.minor(to) > semver.minor(from)) return 'minor';
  return undefined;
}

/**
 * The releases that bring features to a service whose lifecycle stage takes fixes only (see
 * {@link FeatureRelease}): among the changed services (and project views), those whose head
 * status is `maintenance` or `deprecated` and whose `version` goes up by a minor or a major
 * release.
 *
 * @param head - the registry after
 * @param changed - the diff's changed services
 * @returns one release per changed service (or view) that brings features in such a stage
 */
export function featureReleasesOf(
  head: LoadedRegistry,
  changed: readonly ServiceChange[],
): FeatureRelease[] {
  const releases: FeatureRelease[] = [];
  for (const change of changed) {
    const version = change.changes.find(c => c.path === 'version');
    if (!version) continue;
    const release = featureReleaseOf(version.before, version.after);
    if (!release) continue;
    const service = getServiceForProject(
      head,
      change.override ? change.project : undefined,
      change.service,
    );
    const status = service?.status;
    if (!service || !takesFixesOnly(status)) continue;
    const before = version.before as string;
    const after = version.after as string;
    const where = change.override ? ` in project "${change.project}"` : '';
    const stage =
      status === 'maintenance'
        ? 'is in maintenance, which takes security fixes only and no new features'
        : `is deprecated, which takes no new features: its consumers are moving ${
            service.replacementService
              ? `to "${service.replacementService}"`
              : 'away'
          }`;
    const fix =
      status === 'maintenance'
        ? 'Release the fix as a patch version, or set status back to "ga" if the service gets new features again'
        : 'Release the fix as a patch version, or put the feature in the replacement';
    const entry: FeatureRelease = {
      service: change.service,
      status,
      release,
      before,
      after,
      message: `Service "${change.service}"${where} ${stage} (seed 000's lifecycle), but its version goes from ${before} to ${after}, a ${release} release. ${fix}.`,
      position: keyPosition(service, 'version') ?? service.source,
    };
    if (change.project !== undefined) entry.project = change.project;
    if (change.override) entry.override = true;
    releases.push(entry);
  }
  return releases;
}
