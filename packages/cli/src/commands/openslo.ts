import {
  loadRegistry,
  sloDocumentsToYaml,
  toOpenSlo,
} from '@service-registry/plugin-service-registry-common';
import { EXIT, UsageError } from '../lib/errors';
import { CliIO } from '../lib/io';
import { warnAboutUnparsedFiles } from '../lib/unparsedFiles';
import { readDirectorySource } from '../lib/readSource';
import { checkRegistryRoot } from '../lib/registryRootNote';
import { shownData } from '../format/shownPaths';

/** Formats of `service-registry openslo`. */
export type OpenSloFormat = 'yaml' | 'json';

/** Options of `service-registry openslo`. */
export interface OpenSloCommandOptions {
  dir: string;
  format: string | undefined;
  service?: string;
  /** Take the targets a service does not declare from its tier's `[sla.<tier>]` policy. */
  fillFromTierPolicy?: boolean;
  /** Size in bytes above which a registry file is not read (`--max-file-bytes`); default 16 MiB. */
  maxFileBytes?: number;
}

/**
 * Prints the OpenSLO v1 SLO documents of the service levels the registry declares: YAML (one
 * multi-document stream, the default) or a JSON array. Exits 1 when `--service` names a service
 * that declares no availability, response time or error rate.
 */
export async function openSloCommand(
  options: OpenSloCommandOptions,
  io: CliIO,
): Promise<number> {
  const format = (options.format ?? 'yaml') as OpenSloFormat;
  if (format !== 'yaml' && format !== 'json') {
    throw new UsageError(
      `--format must be one of yaml, json, got ${options.format}`,
    );
  }
  const source = await readDirectorySource(options.dir, {
    maxFileBytes: options.maxFileBytes,
  });
  checkRegistryRoot(source, io);
  const registry = loadRegistry(source.files);
  warnAboutUnparsedFiles(
    registry,
    source.files,
    source.displayRoot,
    'the export leaves out what it declares',
    io,
  );
  const service = options.service;
  if (service !== undefined && !registry.services.has(service)) {
    throw new UsageError(
      `no service ${service} in ${source.label}: give the id of a [service.<id>] table`,
    );
  }
  // a project folder named with a credential is shown with it hidden, in labels and descriptions
  const documents = shownData(
    toOpenSlo(registry, {
      service,
      fillFromTierPolicy: options.fillFromTierPolicy,
    }),
  );
  if (format === 'json') io.stdout(`${JSON.stringify(documents, null, 2)}\n`);
  else io.stdout(sloDocumentsToYaml(documents));
  if (documents.length === 0) {
    let reason: string;
    if (service === undefined) {
      reason = `no service of ${source.label} that is not retired declares an availability, a response time or an error rate`;
    } else if (registry.services.get(service)?.status === 'retired') {
      reason = `${service} is retired: retired services get no SLO`;
    } else {
      reason = `${service} declares no availability, response time or error rate: add them under [service.${service}.sla], e.g. availability = "99.9%", response_time_p99 = "200ms"`;
    }
    io.stderr(`service-registry: no SLO written: ${reason}\n`);
    return service === undefined ? EXIT.ok : EXIT.failed;
  }
  return EXIT.ok;
}
