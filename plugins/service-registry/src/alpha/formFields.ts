import {
  createFormField,
  FormFieldBlueprint,
} from '@backstage/plugin-scaffolder-react/alpha';

/**
 * The scaffolder form field `ServiceRegistryNewServiceId` (the id of a new service, checked when
 * the form moves on), for the scaffolder plugin of the new frontend system.
 *
 * @alpha
 */
export const serviceRegistryNewServiceIdFormField = FormFieldBlueprint.make({
  name: 'new-service-id',
  params: {
    field: () =>
      import('../components/NewServiceIdField').then(m =>
        createFormField({
          name: 'ServiceRegistryNewServiceId',
          component: m.NewServiceIdField,
          validation: m.validateNewServiceField,
        }),
      ),
  },
});

/**
 * The read-only scaffolder form field `ServiceRegistryServiceFacts` (what the registry says now
 * about the service the form picked), for the scaffolder plugin of the new frontend system.
 *
 * @alpha
 */
export const serviceRegistryServiceFactsFormField = FormFieldBlueprint.make({
  name: 'service-facts',
  params: {
    field: () =>
      import('../components/ServiceFactsField').then(m =>
        createFormField({
          name: 'ServiceRegistryServiceFacts',
          component: m.ServiceFactsField,
        }),
      ),
  },
});

/**
 * The scaffolder form field `ServiceRegistryProject` (the project of a new service: one of the
 * registry's, or a new one when the form asks to create it, checked when the form moves on), for
 * the scaffolder plugin of the new frontend system.
 *
 * @alpha
 */
export const serviceRegistryProjectFormField = FormFieldBlueprint.make({
  name: 'project',
  params: {
    field: () =>
      import('../components/ProjectField').then(m =>
        createFormField({
          name: 'ServiceRegistryProject',
          component: m.ProjectField,
          validation: m.validateProjectField,
        }),
      ),
  },
});

/**
 * The read-only scaffolder form field `ServiceRegistryDependencyWarnings` (a warning about the
 * picked dependencies the registry has deprecated), for the scaffolder plugin of the new frontend
 * system.
 *
 * @alpha
 */
export const serviceRegistryDependencyWarningsFormField =
  FormFieldBlueprint.make({
    name: 'dependency-warnings',
    params: {
      field: () =>
        import('../components/DependencyWarningsField').then(m =>
          createFormField({
            name: 'ServiceRegistryDependencyWarnings',
            component: m.DependencyWarningsField,
          }),
        ),
    },
  });
