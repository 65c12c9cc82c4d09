import { fileStart } from '../load/filePositions';
import {
  LoadedRegistry,
  RegistryPolicies,
  SourcePosition,
} from '../model/types';
import { fieldChanges } from './fieldChanges';
import { PolicyChange } from './types';

/** The position of a policy key, or of the nearest table above it that has one. */
function policyPosition(
  policies: RegistryPolicies,
  path: string,
): SourcePosition | undefined {
  for (let key = path; key; ) {
    if (Object.prototype.hasOwnProperty.call(policies.positions, key)) {
      return policies.positions[key];
    }
    const dot = key.lastIndexOf('.');
    key = dot < 0 ? '' : key.slice(0, dot);
  }
  return undefined;
}

/**
 * The changed keys of the policies between two registries (see {@link PolicyChange}), compared
 * as merged (a key moved from one policy file to another is no change), each at its place in
 * head (in base for a removed key).
 *
 * @param base - the registry before
 * @param head - the registry after
 * @returns the changes, by path
 */
export function policyChangesOf(
  base: LoadedRegistry,
  head: LoadedRegistry,
): PolicyChange[] {
  return fieldChanges(base.policies.raw, head.policies.raw).map(change => {
    const position =
      (change.after !== undefined
        ? policyPosition(head.policies, change.path)
        : undefined) ??
      policyPosition(base.policies, change.path) ??
      policyPosition(head.policies, change.path) ??
      fileStart(head.policies.files[0] ?? base.policies.files[0] ?? 'policies');
    return { ...change, position };
  });
}
