import { screen } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { ServiceRegistryApi, serviceRegistryApiRef } from '../../api';
import { registryNotReadYet } from '../../testUtils/backendError';
import { mockServiceRegistryApi } from '../../testUtils/mockServiceRegistryApi';
import { serviceSummaryResponse } from '../../testUtils/summaryFixture';
import { ServiceFactsField } from './ServiceFactsField';

type FieldProps = Parameters<typeof ServiceFactsField>[0];

/** The Component the registry's provider writes for a service, renamed by a transformer. */
const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'acme-shop-checkout',
    namespace: 'shop',
    annotations: {
      'service-registry.io/service-id': 'shop-checkout',
      'service-registry.io/registry-id': 'platform',
    },
  },
  spec: { type: 'service', owner: 'shop-team', lifecycle: 'production' },
};

async function renderField(options: {
  formData: Record<string, unknown>;
  serviceField?: string;
  api?: ServiceRegistryApi;
}) {
  const getServiceSummary = jest.fn(async (id: string) =>
    serviceSummaryResponse(id),
  );
  const api = options.api ?? mockServiceRegistryApi({ getServiceSummary });
  const props = {
    formContext: { formData: options.formData },
    uiSchema: options.serviceField
      ? { 'ui:options': { serviceField: options.serviceField } }
      : {},
    schema: { type: 'null' },
    onChange: jest.fn(),
  } as unknown as FieldProps;
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [serviceRegistryApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: [checkout] })],
      ]}
    >
      <ServiceFactsField {...props} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return { getServiceSummary };
}

describe('ServiceFactsField', () => {
  it('shows what the registry says now about the picked service, read through its Component, and where it is declared', async () => {
    const { getServiceSummary } = await renderField({
      formData: { service: 'component:shop/acme-shop-checkout' },
    });
    const section = await screen.findByRole('region', {
      name: 'Checkout in the registry now',
    });
    expect(section).toHaveTextContent('Version1.9.0');
    expect(section).toHaveTextContent('Tierhigh (from project Web Shop)');
    expect(section).toHaveTextContent(
      'Declared in projects/shop/services.toml, line 7',
    );
    expect(getServiceSummary).toHaveBeenCalledWith(
      'shop-checkout',
      { registry: 'platform' },
      expect.objectContaining({ signal: expect.any(AbortSignal) }),
    );
  });

  it("says what the registry leaves out as not declared: the form changes the registry, not the catalog's defaults", async () => {
    const summary = serviceSummaryResponse('shop-checkout');
    delete summary.service.status;
    delete summary.service.owner;
    await renderField({
      formData: { service: 'component:shop/acme-shop-checkout' },
      api: mockServiceRegistryApi({ getServiceSummary: async () => summary }),
    });
    const section = await screen.findByRole('region', {
      name: 'Checkout in the registry now',
    });
    expect(section).toHaveTextContent(/Statusnot declaredTier/);
    expect(section).toHaveTextContent(
      /Ownershop-team \(from project Web Shop\)/,
    );
  });

  it('takes a registry id as it is, from the field its options name', async () => {
    const { getServiceSummary } = await renderField({
      formData: { target: 'shared-auth' },
      serviceField: 'target',
    });
    expect(
      await screen.findByRole('region', {
        name: 'Shared Auth in the registry now',
      }),
    ).toHaveTextContent('Version1.4.0');
    expect(getServiceSummary).toHaveBeenCalledWith(
      'shared-auth',
      { registry: undefined },
      expect.anything(),
    );
  });

  it('asks to pick the service first, and asks nobody', async () => {
    const { getServiceSummary } = await renderField({ formData: {} });
    expect(screen.getByText('Pick the service first.')).toBeInTheDocument();
    expect(getServiceSummary).not.toHaveBeenCalled();
  });

  it('says so when the catalog does not have the picked Component', async () => {
    await renderField({ formData: { service: 'component:default/gone' } });
    expect(
      await screen.findByText('The catalog has no component:default/gone.'),
    ).toBeInTheDocument();
  });

  it("says why the registry's facts could not be read, and the form stays usable", async () => {
    const api = mockServiceRegistryApi({
      getServiceSummary: async () => {
        throw await registryNotReadYet();
      },
    });
    await renderField({ formData: { service: 'shared-auth' }, api });
    expect(
      await screen.findByText(
        /^The registry's facts of shared-auth could not be read: .*the registry has not been read yet/,
      ),
    ).toBeInTheDocument();
  });
});
