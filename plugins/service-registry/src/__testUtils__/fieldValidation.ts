import { TestApiRegistry } from '@backstage/test-utils';
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

/** A field's validation that keeps the errors added to it. */
export function collectedErrors() {
  const added: string[] = [];
  return {
    added,
    validation: {
      addError(message: string) {
        added.push(message);
        return this;
      },
    },
  };
}
