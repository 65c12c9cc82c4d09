import { RegistryService, ServiceRelease } from '../model/types';
import { checkField, checkUnknownFields, isTable } from './fieldCheck';
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

/**
 * Attaches the releases of `services/versions.toml` (`[[service.<id>.release]]`) to their
 * services, checking each release's `version` and `date`.
 *
 * @param file - the parsed versions file
 * @param services - every service by id
 * @param collector - receives findings
 */
export function attachReleases(
  file: ParsedTomlFile,
  services: Map<string, RegistryService>,
  collector: FindingCollector,
): void {
  const index = positionIndex(file);
  const table = isTable(file.table.service) ? file.table.service : {};
  const top = collector.context(
    file.path,
    lazyTopLevelPositions(file),
    fileStart(file.path),
    {},
  );
  checkUnknownFields(top, file.table, new Set(['service']), []);
  for (const [id, value] of Object.entries(table)) {
    const source = index.recordSource('service', id) ?? fileStart(file.path);
    const ctx = collector.context(
      `Service "${id}"`,
      lazyRecordPositions(index, 'service', id),
      source,
      {
        service: id,
      },
    );
    const service = services.get(id);
    if (!service) {
      collector.add(
        'warning',
        'registry/unknown-service',
        `${file.path} lists releases of service "${id}", which is not declared; declare it in services/catalog.toml or a project's services.toml, or remove its releases.`,
        source,
        { service: id },
      );
    }
    if (!isTable(value)) continue;
    checkUnknownFields(ctx, value, VERSION_SERVICE_KEYS, []);
    const releases = Array.isArray(value.release) ? value.release : [];
    releases.forEach((release: unknown, at) => {
      if (!isTable(release)) return;
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
      // the `[[service.<id>.release]]` header, looked up when first read
      LAZY_SOURCE.define(
        entry,
        deferred(() => ctx.positionOf(path)),
      );
      service?.releases.push(entry);
    });
  }
}
