import { RegistryPolicies } from '../model/types';
import { addDays, addMonths } from '../model/units';

/** The lifecycle's migration window, in calendar months, when the policies set none. */
export const DEFAULT_WINDOW_MONTHS = 6;

/**
 * The least time between a deprecated service's `deprecation_date` and its `sunset_date`: the
 * lifecycle's 6 calendar months, or `[change_control] migration_window_days` of the policies.
 */
export interface MigrationWindow {
  /** The earliest sunset a deprecation on a day allows (`YYYY-MM-DD`). */
  end(deprecation: string): string;
  /** The window for messages: `the 6-month migration window the lifecycle gives its consumers`. */
  label: string;
}

/**
 * The migration window of a registry's policies (see {@link MigrationWindow}).
 *
 * @param policies - the registry's policies
 */
export function migrationWindowOf(policies: RegistryPolicies): MigrationWindow {
  const windowDays = policies.changeControl?.migrationWindowDays;
  return windowDays === undefined
    ? {
        end: deprecation => addMonths(deprecation, DEFAULT_WINDOW_MONTHS),
        label: `the ${DEFAULT_WINDOW_MONTHS}-month migration window the lifecycle gives its consumers`,
      }
    : {
        end: deprecation => addDays(deprecation, windowDays),
        label: `the ${windowDays}-day migration window of the policies (change_control.migration_window_days)`,
      };
}
