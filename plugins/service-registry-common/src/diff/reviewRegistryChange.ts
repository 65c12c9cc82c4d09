import { loadRegistry } from '../load/buildRegistry';
import { RegistryFileInput, RegistryFinding } from '../model/types';
import { introducedFindings } from '../validation/introducedFindings';
import { ValidateOptions } from '../validation/types';
import { validateRegistry } from '../validation/validateRegistry';
import { diffRegistries } from './diffRegistries';
import { preferBaseDeclarations } from './preferBaseDeclarations';
import { RegistryDiff } from './types';

/**
 * What a change of the registry does, as a review of it needs it: the findings of the registry
 * after the change, those of them the change brings, and the diff. Plain data: it can be posted
 * to another thread as it is.
 *
 * @public
 */
export interface RegistryChangeReview {
  /** The findings of the registry after the change (`validateRegistry` of head). */
  findings: RegistryFinding[];
  /** Those of `findings` the registry before the change did not have (`introducedFindings`). */
  introduced: RegistryFinding[];
  /** The diff from before the change to after it (`diffRegistries`). */
  diff: RegistryDiff;
}

/**
 * Reviews a change of the registry given as its files before and after: loads both, keeps a
 * service id a project of the change declares again where the registry before it declared it
 * (`preferBaseDeclarations`: the new declaration is the duplicate), validates both the same way
 * and diffs them. What the scaffolder's `service-registry:validate` reports on, in one call that a
 * worker thread can make (a registry of thousands of services takes a second or more).
 *
 * @param baseFiles - the registry's files before the change
 * @param headFiles - its files after the change
 * @param options - the day dates are compared with and the catalog's findings, as
 *   `validateRegistry` takes them (the diff measures notice periods to the same day)
 * @public
 */
export function reviewRegistryChange(
  baseFiles: readonly RegistryFileInput[],
  headFiles: readonly RegistryFileInput[],
  options: ValidateOptions = {},
): RegistryChangeReview {
  const base = loadRegistry(baseFiles);
  const head = preferBaseDeclarations(base, loadRegistry(headFiles), headFiles);
  const findings = validateRegistry(head, options);
  const introduced = introducedFindings(
    validateRegistry(base, options),
    findings,
  );
  const diff = diffRegistries(base, head, { today: options.today });
  return { findings, introduced, diff };
}
