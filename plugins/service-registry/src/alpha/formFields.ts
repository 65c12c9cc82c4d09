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
