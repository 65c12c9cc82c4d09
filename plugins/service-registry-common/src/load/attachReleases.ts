import {
  RegistryService,
  ServiceRelease,
  SourcePosition,
} from '../model/types';
import {
  checkField,
  checkTable,
  checkUnknownFields,
  isTable,
  report,
  reportRecordNotATable,
} from './fieldCheck';
import { describeValue } from './describeValue';
import { joinKeyPath, tomlBasicString } from './keyPath';
import { dateSpec, semverSpec } from './fieldSpecs';
import {
  fileStart,
  lazyRecordPositions,
  lazyTopLevelPositions,
  positionIndex,
} from './filePositions';
import { deferred, LazyProperty } from './lazy';
import { FindingCollector } from './loadState';
import { ParsedTomlFile } from './parseToml';

/** The lazy `source` of releases. */
const LAZY_SOURCE = new LazyProperty('source');

const VERSION_SERVICE_KEYS: ReadonlySet<string> = new Set(['release']);

/** Most released versions a message lists (the last ones). */
const LISTED_RELEASES = 5;

/** `1.0.0, 1.1.0 and 1.2.3`; only the last {@link LISTED_RELEASES} of a long history. */
function listVersions(versions: readonly string[]): string {
  const shown = versions.slice(-LISTED_RELEASES);
  const head = shown.slice(0, -1).join(', ');
  const text = head ? `${head} and ${shown[shown.length - 1]}` : shown[0] ?? '';
  return versions.length > shown.length
    ? `${versions.length} versions, the last ${text}`
    : text;
}

/**
 * Warns when a service's current `version` is missing from its release history
 * (`release/version-not-released`), at its `version` key. A service without releases (or
 * without valid release versions) is not checked.
 */
function checkReleased(
  service: RegistryService,
  released: readonly string[],
  source: SourcePosition,
  collector: FindingCollector,
): void {
  const version = service.version;
  if (version === undefined || released.length === 0) return;
  if (released.includes(version)) return;
  collector.add(
    'warning',
    'release/version-not-released',
    `Service ${tomlBasicString(
      service.id,
    )}: version "${version}" has no release in ${
      source.file
    }, whose releases of it are ${listVersions(released)} (${source.file}:${
      source.line
    }). Add a [[service.${joinKeyPath([
      service.id,
    ])}.release]] with version = "${version}" (and its date), or correct version.`,
    service.positions.version ?? service.source,
    { service: service.id, project: service.project },
  );
}

/**
 * Attaches the releases of `services/versions.toml` (`[[service.<id>.release]]`) to their
 * services, checking each release's `version` and `date`, and that each service's current
 * `version` is among its releases (see {@link checkReleased}).
 *
 * @param file - the parsed versions file
 * @param services - every service by id
 * @param collector - receives findings
 * @param unread - the services that files not loaded (that do not parse) declare, by id: their
 *   releases are not reported as releases of an undeclared service
 */
export function attachReleases(
  file: ParsedTomlFile,
  services: Map<string, RegistryService>,
  collector: FindingCollector,
  unread?: ReadonlyMap<string, SourcePosition>,
): void {
  const index = positionIndex(file);

  const top = collector.context(
    file.path,
    lazyTopLevelPositions(file),
    fileStart(file.path),
    {},
  );
  checkUnknownFields(top, file.table, new Set(['service']), []);
  const table = checkTable(top, file.table.service, ['service']) ?? {};
  for (const [id, value] of Object.entries(table)) {
    const source = index.recordSource('service', id) ?? fileStart(file.path);
    const ctx = collector.context(
      `Service ${tomlBasicString(id)}`,
      lazyRecordPositions(index, 'service', id),
      source,
      {
        service: id,
      },
      false,
      ['service', id],
    );
    const service = services.get(id);
    if (!service && !unread?.has(id)) {
      collector.add(
        'warning',
        'registry/unknown-service',
        `${file.path} lists releases of service ${tomlBasicString(
          id,
        )}, which is not declared; declare it in services/catalog.toml or a project's services.toml, or remove its releases.`,
        source,
        { service: id },
      );
    }
    if (!isTable(value)) {
      reportRecordNotATable(
        ctx,
        { file: file.path, kind: 'service', id },
        'releases',
        `write each release as [[service.${joinKeyPath([
          id,
        ])}.release]] with its version and date`,
        value,
      );
      continue;
    }
    checkUnknownFields(ctx, value, VERSION_SERVICE_KEYS, []);
    let releases: unknown[] = [];
    if (Array.isArray(value.release)) releases = value.release;
    else if (value.release !== undefined) {
      report(
        ctx,
        'error',
        'schema/invalid-type',
        `Service ${tomlBasicString(
          id,
        )}: release must be an array of tables, one per release: write [[service.${joinKeyPath(
          [id],
        )}.release]] (two brackets) before each, got ${
          isTable(value.release)
            ? 'a single table ([service.<id>.release])'
            : describeValue(value.release, 'release')
        }. Its releases are ignored until then.`,
        ['release'],
      );
    }
    const released: string[] = [];
    releases.forEach((release: unknown, at) => {
      if (!isTable(release)) {
        report(
          ctx,
          'error',
          'schema/invalid-type',
          `Service ${tomlBasicString(
            id,
          )}: release[${at}] must be a table with version and date (release = [{ version = "1.2.0", date = 2026-01-10 }], or a [[service.${joinKeyPath(
            [id],
          )}.release]] table), got ${describeValue(
            release,
            'release',
          )}. It is ignored until then.`,
          ['release', at],
        );
        return;
      }
      const path = ['release', at];
      const entry = {
        version: checkField(
          ctx,
          release.version,
          [...path, 'version'],
          semverSpec,
        ),
        date: checkField(ctx, release.date, [...path, 'date'], dateSpec),
        raw: release,
      } as ServiceRelease;
      if (entry.version !== undefined) released.push(entry.version);
      // the `[[service.<id>.release]]` header, looked up when first read
      LAZY_SOURCE.define(
        entry,
        deferred(() => ctx.positionOf(path)),
      );
      service?.releases.push(entry);
    });
    if (service) checkReleased(service, released, source, collector);
  }
}
