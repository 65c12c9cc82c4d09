import { loadRegistry } from '../load/buildRegistry';
import { RegistryFileInput, RegistryFinding } from '../model/types';
import { introducedFindings } from '../validation/introducedFindings';
import { ValidateOptions } from '../validation/types';
import { validateRegistry } from '../validation/validateRegistry';
import { baseAsInHead } from './baseAsInHead';
import { diffRegistries } from './diffRegistries';
import { preferBaseDeclarations } from './preferBaseDeclarations';
import { RegistryDiff, UnreadBaseFile } from './types';

/**
 * What a change of the registry does, as a review of it needs it: the findings the change brings,
 * how many the registry has after it, and the diff. Plain data: it can be posted to another
 * thread as it is (the registry's own findings are counted, not listed: a registry of thousands
 * of services may have thousands).
 *
 * @public
 */
export interface RegistryChangeReview {
  /**
   * The findings of the registry after the change (`validateRegistry` of head) that the registry
   * before it did not have (`introducedFindings`), in head's order.
   */
  introduced: RegistryFinding[];
  /** The findings of the registry after the change, all of them, counted by severity. */
  findingCounts: { errors: number; warnings: number; infos: number };
  /** The diff from before the change to after it (`diffRegistries`). */
  diff: RegistryDiff;
  /**
   * The files of the registry before the change that contributed nothing, each compared as after
   * the change (`baseAsInHead`; the diff's `unreadHeadFiles` are the other way round).
   */
  unreadBaseFiles: UnreadBaseFile[];
}

/**
 * Reviews a change of the registry given as its files before and after, as the CLI's `diff`
 * compares two revisions: loads both; reads a file the registry before the change could not read
 * as after it (`baseAsInHead`: what it declares is not taken for added); keeps a service id a
 * project of the change declares again where the registry before it declared it
 * (`preferBaseDeclarations`: the new declaration is the duplicate); validates both the same way,
 * takes the findings the change brings and counts the others; and diffs them. What the
 * scaffolder's `service-registry:validate` and the pending changes (`summarizePendingChange`)
 * report on, in one call that a worker thread can make (a registry of thousands of services
 * takes a second or more).
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
  const loadedHead = loadRegistry(headFiles);
  const { base, unread } = baseAsInHead(
    loadRegistry(baseFiles),
    baseFiles,
    loadedHead,
    headFiles,
  );
  const head = preferBaseDeclarations(base, loadedHead, headFiles);
  const findings = validateRegistry(head, options);
  const introduced = introducedFindings(
    validateRegistry(base, options),
    findings,
  );
  const findingCounts = { errors: 0, warnings: 0, infos: 0 };
  for (const finding of findings) findingCounts[`${finding.severity}s`]++;
  const diff = diffRegistries(base, head, { today: options.today });
  return { introduced, findingCounts, diff, unreadBaseFiles: unread };
}
