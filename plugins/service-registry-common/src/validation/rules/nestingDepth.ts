import { RegistryFinding } from '../../model/types';
import { scanValues } from '../secrets/valueScan';
import { ValidationContext } from '../types';

/**
 * `toml/nesting-too-deep` (error): a table or an array at `MAX_NESTING_DEPTH` (64) parts from the
 * top of its file that holds more (a dotted key or a header of that many parts, or arrays and
 * inline tables nested below a deep key), at the line and column of that table or array, once
 * for each. TOML sets no limit, but nothing in a registry needs that depth, and values that deep
 * break tools that read them recursively (a JSON encoder overflows its stack a few thousand
 * levels down): the portal's answers leave them out (see `MAX_SERVED_DEPTH`). A registry that
 * cannot be traced to its files is read from its model instead, the depth counted from each
 * service's table. Found by the walk `secretValues` makes (see `scanValues`).
 *
 * @param ctx - the validation context
 */
export function nestingDepth(ctx: ValidationContext): RegistryFinding[] {
  return [...scanValues(ctx).tooDeep];
}
