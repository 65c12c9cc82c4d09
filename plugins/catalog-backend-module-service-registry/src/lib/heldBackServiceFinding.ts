import {
  redactSecrets,
  RegistryFinding,
  SourcePosition,
} from '@service-registry/plugin-service-registry-common';

const COMPONENT_PREFIX = 'component:default/';

/**
 * The warning of a service the catalog holds back (see `heldBackServices`): at its new
 * declaration, naming the service, so that the backend plugin, whose registry is the one the run
 * took (without the service: the file that declares it now is not taken as written, the one that
 * declared it no longer does), says why the catalog still has it.
 *
 * @param ref - the held-back Component's ref
 * @param where - where the file not taken declares it now
 * @param why - why that file is not taken, as the run's summary says it (`it does not parse at …`)
 */
export function heldBackServiceFinding(
  ref: string,
  where: SourcePosition,
  why: string,
): RegistryFinding {
  const id = ref.startsWith(COMPONENT_PREFIX)
    ? ref.slice(COMPONENT_PREFIX.length)
    : ref;
  // an id an earlier version emitted though it holds a credential is not shown
  const service = redactSecrets(id) === id ? id : '(hidden)';
  return {
    severity: 'warning',
    code: 'catalog/held-back-service',
    message: `Service "${service}" is declared here, in a file the catalog cannot take as written (${why}), and no longer where it was: the catalog keeps ${COMPONENT_PREFIX}${service} as last ingested, and the registry's pages lack the service until the file is fixed.`,
    file: where.file,
    line: where.line,
    column: where.column,
    service,
  };
}
