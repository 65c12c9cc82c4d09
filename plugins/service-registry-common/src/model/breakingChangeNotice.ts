import { RegistryPolicies, RegistryService } from './types';

/**
 * Days of notice the lifecycle gives a beta service's consumers before a breaking change (seed
 * 000: beta is "30-day notice for changes"), for a service whose `governance.break_changes_notice`
 * does not say, when the policies set no `[change_control] beta_change_notice_days`.
 *
 * @public
 */
export const DEFAULT_BETA_CHANGE_NOTICE_DAYS = 30;

/**
 * The notice a service's consumers get before a breaking change to it (see
 * {@link breakingChangeNoticeOf}).
 *
 * @public
 */
export interface BreakingChangeNotice {
  /** Days, more than 0. */
  days: number;
  /**
   * What asks for it: `service`, its own `governance.break_changes_notice`; for a beta service
   * that sets none, `policies` (`[change_control] beta_change_notice_days`) or `lifecycle` (the
   * lifecycle's 30 days).
   */
  source: 'service' | 'policies' | 'lifecycle';
}

/**
 * The beta notice of a version of the policies, in days: their
 * `[change_control] beta_change_notice_days`, else the lifecycle's 30 days.
 *
 * @param policies - the registry's policies
 * @public
 */
export function betaChangeNoticeDays(policies: RegistryPolicies): number {
  return (
    policies.changeControl?.betaChangeNoticeDays ??
    DEFAULT_BETA_CHANGE_NOTICE_DAYS
  );
}

/**
 * The notice a service's consumers get before a breaking change to it, as the registry stands:
 * its `governance.break_changes_notice` when it sets one (0: none), else for a beta service the
 * policies' `[change_control] beta_change_notice_days` or the lifecycle's 30 days. Undefined when
 * it owes none. Between two versions of a registry, the diff reads it from the service before and
 * after the change (its `notice-not-honoured` breaking change).
 *
 * @param service - the service (or a project's view of it)
 * @param policies - the registry's policies
 * @public
 */
export function breakingChangeNoticeOf(
  service: RegistryService,
  policies: RegistryPolicies,
): BreakingChangeNotice | undefined {
  const declared = service.governance?.breakChangesNotice;
  if (declared !== undefined) {
    return declared > 0 ? { days: declared, source: 'service' } : undefined;
  }
  if (service.status !== 'beta') return undefined;
  const days = betaChangeNoticeDays(policies);
  if (days <= 0) return undefined;
  return {
    days,
    source:
      policies.changeControl?.betaChangeNoticeDays === undefined
        ? 'lifecycle'
        : 'policies',
  };
}
