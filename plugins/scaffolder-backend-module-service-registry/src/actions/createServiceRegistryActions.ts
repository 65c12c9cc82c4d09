import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createServiceRegistryAddServiceAction } from './addService';
import { createServiceRegistryDeprecateServiceAction } from './deprecateService';
import { createServiceRegistryFetchAction } from './fetchRegistry';
import { createServiceRegistryPublishBranchAction } from './publishBranch';
import { createServiceRegistryResolveReviewersAction } from './resolveReviewers';
import { createServiceRegistryUpdateServiceAction } from './updateService';
import { createServiceRegistryValidateAction } from './validate';

/**
 * Options of {@link createServiceRegistryActions}.
 *
 * @public
 */
export interface ServiceRegistryActionsOptions {
  /** The app-config. */
  config: Config;
  /** Reads hosted registries. */
  reader: UrlReaderService;
  /**
   * The catalog (`catalogServiceRef`), read with the credentials of the task's initiator:
   * service-registry:resolve-reviewers looks up the approvers in it, and the add, deprecate and
   * update actions the registry ids of the entity refs they are given (the entities'
   * `service-registry.io/service-id` and `service-registry.io/project` annotations).
   */
  catalog: CatalogService;
  /** The SCM integrations; read from `config` when omitted. */
  integrations?: ScmIntegrations;
}

/**
 * Every service-registry scaffolder action, as the module registers them.
 *
 * @public
 */
export function createServiceRegistryActions(
  options: ServiceRegistryActionsOptions,
) {
  const integrations =
    options.integrations ?? ScmIntegrations.fromConfig(options.config);
  return [
    createServiceRegistryFetchAction({ ...options, integrations }),
    createServiceRegistryAddServiceAction({ catalog: options.catalog }),
    createServiceRegistryDeprecateServiceAction({ catalog: options.catalog }),
    createServiceRegistryUpdateServiceAction({ catalog: options.catalog }),
    createServiceRegistryValidateAction(),
    createServiceRegistryPublishBranchAction({ config: options.config }),
    createServiceRegistryResolveReviewersAction({
      catalog: options.catalog,
      integrations,
    }),
  ];
}
