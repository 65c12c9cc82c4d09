import { getServiceForProject } from '../model/getServiceForProject';
import { RegistryService } from '../model/types';
import { DiffContext } from './types';

/**
 * The service a detector compares, before and after: the declarations of `base` and `head`, or
 * the project's view of them when the context is scoped to a project.
 *
 * @param ctx - the diff context
 * @param id - the service id
 */
export function comparedServices(
  ctx: DiffContext,
  id: string,
): { before?: RegistryService; after?: RegistryService } {
  const project = ctx.scope?.project;
  return {
    before: getServiceForProject(ctx.base, project, id),
    after: getServiceForProject(ctx.head, project, id),
  };
}
