import { TestApiRegistry } from '@backstage/test-utils';
import { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { ServiceRegistryApi, serviceRegistryApiRef } from '../api';
import { mockServiceRegistryApi } from '../testUtils/mockServiceRegistryApi';
import { serviceSummaryResponse } from '../testUtils/summaryFixture';

/**
 * What the scaffolder hands a form field's validator, in an app whose registry API answers service
 * summaries from the summary fixture (or as `api` does).
 *
 * @param uiSchema - the field's ui schema (its `ui:options`)
 * @param api - the registry API of the app
 */
export function fieldValidationContext(
  uiSchema?: Record<string, unknown>,
  api: ServiceRegistryApi = mockServiceRegistryApi({
    getServiceSummary: async (id: string) => serviceSummaryResponse(id),
  }),
) {
  return {
    apiHolder: TestApiRegistry.from([serviceRegistryApiRef, api]),
    formData: {},
    schema: {},
    uiSchema,
  };
}

/**
 * Runs a form field's validator as the scaffolder does when the form moves on, and gives the
 * errors it adds to the field.
 *
 * @param validator - the field's `validation`
 * @param value - the field's value
 * @param context - what the scaffolder hands it (default {@link fieldValidationContext})
 */
export async function fieldErrors<T>(
  validator: CustomFieldValidator<T, any>,
  value: T,
  context: ReturnType<typeof fieldValidationContext> = fieldValidationContext(),
): Promise<string[]> {
  const added: string[] = [];
  const validation = {
    addError(message: string) {
      added.push(message);
      return validation;
    },
  };
  await validator(
    value,
    validation as Parameters<typeof validator>[1],
    context,
  );
  return added;
}
