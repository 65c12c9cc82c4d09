import semver from 'semver';
import { RegistryService } from '../model/types';

/**
 * One release of a service, as its page lists it (`[[service.<id>.release]]` of
 * `services/versions.toml`).
 *
 * @public
 */
export interface ServiceSummaryRelease {
  /** The released version. */
  version: string;
  /** Its date, `YYYY-MM-DD`, when the release gives a valid one. */
  date?: string;
  /** Its `notes`, as written, when they are text. */
  notes?: string;
  /**
   * True when it starts a new major version after an earlier release (a new minor version below
   * 1.0.0, where the minor is the breaking part): the release its consumers have to migrate to.
   */
  breaking: boolean;
  /** True for the service's current `version`. */
  current: boolean;
}

/** The part of a version a breaking release changes: its major, or its minor below 1.0.0. */
function breakingPart(version: string): string {
  const major = semver.major(version);
  return major === 0 ? `0.${semver.minor(version)}` : String(major);
}

/**
 * A service's release history, newest version first: each release with a valid semver version
 * once (the first written, for a version written twice), with its date and notes, whether it is
 * breaking (see {@link ServiceSummaryRelease.breaking}) and whether it is the current version.
 * Releases without a valid version are left out (validation reports them).
 *
 * @param service - the service (its global declaration: the releases are the global service's)
 * @public
 */
export function releaseHistoryOf(
  service: Pick<RegistryService, 'version' | 'releases'>,
): ServiceSummaryRelease[] {
  const seen = new Set<string>();
  const releases = service.releases.filter(release => {
    if (release.version === undefined || seen.has(release.version)) {
      return false;
    }
    seen.add(release.version);
    return true;
  });
  releases.sort((a, b) => semver.rcompare(a.version!, b.version!));
  return releases.map((release, i) => {
    const version = release.version!;
    const older = releases[i + 1]?.version;
    const notes = release.raw.notes;
    return {
      version,
      ...(release.date !== undefined ? { date: release.date } : {}),
      ...(typeof notes === 'string' && notes.trim() !== ''
        ? { notes: notes.trim() }
        : {}),
      breaking:
        older !== undefined && breakingPart(version) !== breakingPart(older),
      current: version === service.version,
    };
  });
}
