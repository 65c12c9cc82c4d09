import { useState } from 'react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registryComponent } from '../../testUtils/registryEntity';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { CatalogApi, catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { DependencyWarningsField } from './DependencyWarningsField';

type FieldProps = Parameters<typeof DependencyWarningsField>[0];

const CATALOG = [
  registryComponent('shared-auth', {
    annotations: { 'service-registry.io/status': 'ga' },
  }),
  registryComponent('payments-gateway-v2', {
    annotations: {
      'service-registry.io/status': 'deprecated',
      'service-registry.io/sunset-date': '2999-12-10',
      'service-registry.io/replacement': 'payments-gateway-v3',
    },
  }),
  registryComponent('legacy-search', {
    annotations: {
      'service-registry.io/status': 'deprecated',
      'service-registry.io/replacement': 'search-service',
    },
  }),
];

/** The field below the form's pickers, whose picks are set by the buttons. */
function Form(props: {
  picks: Record<string, Record<string, string[]>>;
  uiOptions?: object;
}) {
  const [formData, setFormData] = useState<Record<string, string[]>>({});
  const fieldProps = {
    formContext: { formData },
    uiSchema: { 'ui:options': props.uiOptions ?? {} },
    schema: { type: 'null' },
    onChange: jest.fn(),
  } as unknown as FieldProps;
  return (
    <>
      {Object.entries(props.picks).map(([label, data]) => (
        <button key={label} type="button" onClick={() => setFormData(data)}>
          {label}
        </button>
      ))}
      <DependencyWarningsField {...fieldProps} />
    </>
  );
}

async function renderForm(
  picks: Record<string, Record<string, string[]>>,
  options: { uiOptions?: object; catalogApi?: CatalogApi } = {},
) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [
          catalogApiRef,
          options.catalogApi ?? catalogApiMock({ entities: CATALOG }),
        ],
      ]}
    >
      <Form picks={picks} uiOptions={options.uiOptions} />
    </TestApiProvider>,
  );
}

const pick = (label: string) =>
  userEvent.click(screen.getByRole('button', { name: label }));

describe('DependencyWarningsField', () => {
  it('warns about the deprecated services among the required and optional picks, and goes when they are unpicked', async () => {
    await renderForm({
      'pick v2': {
        dependencies: [
          'component:default/shared-auth',
          'component:default/payments-gateway-v2',
        ],
      },
      'pick both': {
        dependencies: ['component:default/payments-gateway-v2'],
        optionalDependencies: ['component:default/legacy-search'],
      },
      'pick auth only': { dependencies: ['component:default/shared-auth'] },
    });
    expect(screen.queryByRole('status')).not.toBeInTheDocument();

    await pick('pick v2');
    const warning = await screen.findByRole('status');
    expect(warning).toHaveTextContent('A picked service is deprecated');
    expect(warning).toHaveTextContent(
      'payments-gateway-v2 is deprecated: it is served until 2999-12-10. Depend on payments-gateway-v3 instead.',
    );

    await pick('pick both');
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        '2 picked services are deprecated',
      ),
    );
    expect(screen.getAllByRole('listitem').map(li => li.textContent)).toEqual([
      'payments-gateway-v2 is deprecated: it is served until 2999-12-10. Depend on payments-gateway-v3 instead.',
      'legacy-search is deprecated. Depend on search-service instead.',
    ]);

    await pick('pick auth only');
    await waitFor(() =>
      expect(screen.queryByRole('status')).not.toBeInTheDocument(),
    );
  });

  it('reads the fields that ui:options.dependencyFields names', async () => {
    await renderForm(
      {
        'pick in addRequires': {
          addRequires: ['component:default/legacy-search'],
        },
        'pick in dependencies': {
          dependencies: ['component:default/legacy-search'],
        },
      },
      { uiOptions: { dependencyFields: ['addRequires', 'addOptional'] } },
    );
    await pick('pick in dependencies');
    await pick('pick in addRequires');
    expect(await screen.findByRole('status')).toHaveTextContent(
      'legacy-search is deprecated',
    );
  });

  it('says nothing when the catalog cannot be asked: the task’s report names them too', async () => {
    const catalogApi = catalogApiMock({ entities: CATALOG });
    const asked = jest
      .spyOn(catalogApi, 'getEntitiesByRefs')
      .mockRejectedValue(new Error('catalog unreachable'));
    await renderForm(
      {
        'pick v2': { dependencies: ['component:default/payments-gateway-v2'] },
      },
      { catalogApi },
    );
    await pick('pick v2');
    await waitFor(() => expect(asked).toHaveBeenCalled());
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});
