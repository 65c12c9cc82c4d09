import { ServiceRegistryApi } from '../api';

const METHODS: Array<keyof ServiceRegistryApi> = [
  'getGraph',
  'getImpact',
  'getFindings',
  'getDeprecations',
  'getDeprecation',
  'getDeprecatedDependencies',
  'getSlaOverview',
  'getServiceSla',
  'getReminderStatus',
  'remindConsumers',
  'getServiceSummary',
  'getProjectSummary',
  'getPendingChanges',
];

/**
 * A {@link ServiceRegistryApi} whose methods fail with "not provided" unless given: tests, the
 * dev app and benchmarks pass only the calls they answer, and a component that asks for anything
 * else shows its error state instead of hanging.
 */
export function mockServiceRegistryApi(
  overrides: Partial<ServiceRegistryApi> = {},
): ServiceRegistryApi {
  const api: Record<string, unknown> = {};
  for (const method of METHODS) {
    api[method] =
      overrides[method] ??
      (async () => {
        throw new Error(`ServiceRegistryApi.${method} is not provided here`);
      });
  }
  return api as unknown as ServiceRegistryApi;
}
