import { sourceFilesOf } from '../../load/sourceFiles';
import { ValidationContext } from '../types';
import { fileTargets } from './fileTargets';
import { modelTargets } from './modelTargets';
import { ScanTarget } from './scanTarget';

/**
 * The tables a scan of values as written reads: the registry's files as written, files outside
 * the layout included (`fileTargets`), or, for a registry that cannot be traced to its files (not
 * returned by `loadRegistry`), its model (`modelTargets`).
 *
 * @param ctx - the validation context
 */
export function scanTargets(ctx: ValidationContext): ScanTarget[] {
  const files = sourceFilesOf(ctx.registry);
  return files ? fileTargets(files) : modelTargets(ctx.registry, ctx.services);
}
