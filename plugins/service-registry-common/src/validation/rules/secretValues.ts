import { RegistryFinding } from '../../model/types';
import { scanValues } from '../secrets/valueScan';
import { ValidationContext } from '../types';

/**
 * `security/secret-value` (error): values that look like credentials (see `detectSecret`)
 * anywhere in the registry's files as written, files outside the layout included, each at the
 * line and column of its key (or array element), about the service or project it sits under.
 * The message names the key path and the kind of credential, never the value. A registry that
 * cannot be traced to its files (not returned by `loadRegistry`) is read from its model instead.
 * Every value is judged, however deep (see `scanValues`, which `nestingDepth` shares).
 *
 * @param ctx - the validation context
 */
export function secretValues(ctx: ValidationContext): RegistryFinding[] {
  return [...scanValues(ctx).secrets];
}
