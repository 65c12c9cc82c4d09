import { keyPosition } from '../load/filePositions';
import {
  betaChangeNoticeDays,
  breakingChangeNoticeOf,
} from '../model/breakingChangeNotice';
import {
  RegistryPolicies,
  RegistryService,
  SourcePosition,
} from '../model/types';
import { plural } from '../report/markdownText';

/** The notice a service's consumers are owed before a breaking change, and why. */
export interface ChangeNotice {
  /** Days, more than 0. */
  days: number;
  /** What asks for it, for messages: `requires 30 days of notice …`. */
  requirement: string;
  /** Where it is asked for: the service's key, or its `status` for a beta service. */
  position: SourcePosition;
}

/**
 * The notice a breaking change to a service owes its consumers, if any:
 *
 * - its `governance.break_changes_notice`, when it sets one (read after the change, or before it
 *   for a removed service; 0 asks for none);
 * - else, for a service that was beta before the change, the lifecycle's beta notice: the
 *   policies' `[change_control] beta_change_notice_days`, else 30 days. When base and head set it
 *   differently, the longer counts: the notice in force is the one its consumers were promised,
 *   and a change cannot shorten its own.
 *
 * @param before - the service before the change (undefined: it is new, and breaks no one)
 * @param after - the service after the change (undefined: it is removed)
 * @param policies - the policies of base and head
 */
export function changeNoticeOf(
  before: RegistryService | undefined,
  after: RegistryService | undefined,
  policies: { base: RegistryPolicies; head: RegistryPolicies },
): ChangeNotice | undefined {
  const service = after ?? before;
  if (!service) return undefined;
  if (service.governance?.breakChangesNotice !== undefined) {
    const own = breakingChangeNoticeOf(service, policies.head);
    return (
      own && {
        days: own.days,
        requirement: `requires ${plural(
          own.days,
          'day',
        )} of notice before breaking changes (governance.break_changes_notice)`,
        position:
          keyPosition(service, 'governance.break_changes_notice') ??
          service.source,
      }
    );
  }
  if (before?.status !== 'beta') return undefined;
  const days = Math.max(
    betaChangeNoticeDays(policies.base),
    betaChangeNoticeDays(policies.head),
  );
  if (days <= 0) return undefined;
  const fromPolicies = [policies.base, policies.head].some(
    p => p.changeControl?.betaChangeNoticeDays === days,
  );
  const origin = fromPolicies
    ? 'change_control.beta_change_notice_days of the policies'
    : "the lifecycle's beta stage";
  return {
    days,
    requirement: `is beta and requires ${plural(
      days,
      'day',
    )} of notice before breaking changes (${origin}; a governance.break_changes_notice of its own would take its place)`,
    position:
      keyPosition(service, 'status') ??
      keyPosition(before, 'status') ??
      service.source,
  };
}
