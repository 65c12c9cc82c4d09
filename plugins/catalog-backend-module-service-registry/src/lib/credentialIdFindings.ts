import { RegistryFinding } from '@service-registry/plugin-service-registry-common';
import { CredentialIdLeftOut } from './mapRegistryToEntities';

/** How many places the summary names before it counts the rest. */
const SUMMARY_PLACES = 5;

/**
 * The error of a service or project that the mapping left out because its id holds a credential:
 * at its table (the path with the credential hidden), saying what the catalog lacks and how to fix
 * it, never naming the id.
 *
 * @param leftOut - as the mapping reported it
 */
export function credentialIdFinding(
  leftOut: CredentialIdLeftOut,
): RegistryFinding {
  const { kind, file, line, column } = leftOut;
  return {
    severity: 'error',
    code: 'catalog/credential-id',
    message:
      kind === 'service'
        ? 'A service whose id holds a credential is left out of the catalog, and so is every ref to it (its consumers keep their other dependencies): every reader of the catalog would see the id. Rename the service to its real id, and revoke the credential: it stays in the registry’s history.'
        : 'A project whose folder name holds a credential has no System in the catalog: its services are there without a System, pointing at the registry rather than at their file. Rename the project folder, and revoke the credential: it stays in the registry’s history.',
    file,
    line,
    column,
  };
}

/**
 * The part of a run's summary that says how many services and projects were left out because
 * their ids hold a credential, and where (the first few): `left out 1 id that holds a credential
 * (the service at services/catalog.toml:12:1)`.
 *
 * @param leftOut - at least one, as the mapping reported them
 */
export function credentialIdsSummary(
  leftOut: readonly CredentialIdLeftOut[],
): string {
  const places = leftOut
    .slice(0, SUMMARY_PLACES)
    .map(
      ({ kind, file, line, column }) =>
        `the ${kind} at ${file}:${line}:${column}`,
    );
  if (leftOut.length > SUMMARY_PLACES) {
    places.push(`${leftOut.length - SUMMARY_PLACES} more`);
  }
  return `left out ${leftOut.length} ${
    leftOut.length === 1 ? 'id that holds' : 'ids that hold'
  } a credential (${places.join(', ')})`;
}
