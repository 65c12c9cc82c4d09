import { useState } from 'react';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TestApiProvider } from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { serviceRegistryApiRef } from '../../api';
import {
  fieldErrors,
  fieldValidationContext,
} from '../../__testUtils__/fieldValidation';
import { mockServiceRegistryApi } from '../../testUtils/mockServiceRegistryApi';
import { serviceSummaryResponse } from '../../testUtils/summaryFixture';
import {
  NewServiceIdField,
  validateNewServiceField,
} from './NewServiceIdField';

type FieldProps = Parameters<typeof NewServiceIdField>[0];

/** The field as the scaffolder's form renders it, keeping the value it is given. */
function Form(props: {
  onValue?: (value: string | undefined) => void;
  initial?: string;
  /** the errors the form found at Next, which the scaffolder keeps until the next Next */
  rawErrors?: string[];
}) {
  const [value, setValue] = useState<string | undefined>(props.initial);
  const fieldProps = {
    formData: value,
    onChange: (next: string | undefined) => {
      setValue(next);
      props.onValue?.(next);
    },
    required: true,
    schema: { title: 'Id', description: 'Unique id in the registry' },
    uiSchema: { 'ui:autofocus': true },
    idSchema: { $id: 'root_id' },
    rawErrors: props.rawErrors ?? [],
  } as unknown as FieldProps;
  return <NewServiceIdField {...fieldProps} />;
}

/**
 * The field in an app whose registry declares the summary fixture's services (shared-auth among
 * them) and whose catalog holds a Component `billing` the registry does not declare; without
 * `catalog`, an app with no catalog API.
 */
function renderForm(
  props: Parameters<typeof Form>[0] = {},
  { catalog = true }: { catalog?: boolean } = {},
) {
  const registry = mockServiceRegistryApi({
    getServiceSummary: async (id: string) => serviceSummaryResponse(id),
  });
  const catalogApi = catalogApiMock({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'billing', namespace: 'default' },
        spec: { type: 'service', owner: 'team', lifecycle: 'production' },
      },
    ],
  });
  return render(
    catalog ? (
      <TestApiProvider
        apis={[
          [serviceRegistryApiRef, registry],
          [catalogApiRef, catalogApi],
        ]}
      >
        <Form {...props} />
      </TestApiProvider>
    ) : (
      <TestApiProvider apis={[[serviceRegistryApiRef, registry]]}>
        <Form {...props} />
      </TestApiProvider>
    ),
  );
}

const idInput = () => screen.getByRole('textbox', { name: /^Id/ });

describe('NewServiceIdField', () => {
  it('is a required text field with its title and description, focused first, that gives what is typed', async () => {
    const values: Array<string | undefined> = [];
    renderForm({ onValue: v => values.push(v) });
    const input = idInput();
    expect(input).toBeRequired();
    expect(input).toHaveFocus();
    expect(input).toHaveAccessibleDescription('Unique id in the registry');
    expect(input).toHaveAttribute('autocomplete', 'off');
    expect(input).toHaveAttribute('spellcheck', 'false');
    await userEvent.type(input, 'ab');
    await userEvent.clear(input);
    // an emptied field is no value: the form's `required` says so
    expect(values).toEqual(['a', 'ab', undefined]);
  });

  it('shows the error state when the form reports errors', () => {
    renderForm({
      initial: 'shared-auth',
      rawErrors: ['The registry already declares "shared-auth"'],
    });
    expect(idInput()).toBeInvalid();
  });

  it('says as it is typed that the registry declares the id, without waiting for Next', async () => {
    renderForm();
    await userEvent.type(idInput(), 'shared-auth');
    expect(
      await screen.findByText(
        'The registry already declares "shared-auth" (services/catalog.toml:2): choose another id, or change that service with the update-service template.',
      ),
    ).toBeInTheDocument();
    expect(idInput()).toBeInvalid();
    // the reason is the field's description, read out as it comes (a status)
    expect(idInput()).toHaveAccessibleDescription(
      /^The registry already declares "shared-auth"/,
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'The registry already declares',
    );
  });

  it('says as it is typed that the catalog has a Component of that name, and that an id is malformed', async () => {
    renderForm();
    await userEvent.type(idInput(), 'billing');
    expect(
      await screen.findByText(
        /^The catalog already has component:default\/billing/,
      ),
    ).toBeInTheDocument();
    await userEvent.clear(idInput());
    await userEvent.type(idInput(), 'Orders_API');
    expect(
      await screen.findByText(
        'Use lowercase letters, digits and "-" only, e.g. orders-api.',
      ),
    ).toBeInTheDocument();
    expect(idInput()).toBeInvalid();
  });

  it('says that neither the registry nor the catalog has a new id, under its description', async () => {
    renderForm();
    await userEvent.type(idInput(), 'orders-api');
    expect(
      await screen.findByText(
        'Neither the registry nor the catalog has "orders-api" yet.',
      ),
    ).toBeInTheDocument();
    expect(idInput()).toBeValid();
    expect(idInput()).toHaveAccessibleDescription(
      /^Unique id in the registry\s*Neither the registry nor the catalog/,
    );
  });

  it('says nothing of a free id when the catalog cannot be asked', async () => {
    renderForm({}, { catalog: false });
    await userEvent.type(idInput(), 'orders-api');
    // past the pause the check waits for
    await act(() => new Promise(resolve => setTimeout(resolve, 600)));
    expect(
      screen.queryByText(/Neither the registry nor the catalog/),
    ).toBeNull();
    expect(idInput()).toHaveAccessibleDescription('Unique id in the registry');
    expect(idInput()).toBeValid();
  });

  it("no longer marks the field with the form's errors once the id they were of is changed, and does not say the form's error twice", async () => {
    const refused =
      'The registry already declares "shared-auth" (services/catalog.toml:2): choose another id, or change that service with the update-service template.';
    renderForm({ initial: 'shared-auth', rawErrors: [refused] });
    expect(idInput()).toBeInvalid();
    // the check of the same id finds what the form lists already: the description stays
    await act(() => new Promise(resolve => setTimeout(resolve, 600)));
    expect(idInput()).toHaveAccessibleDescription('Unique id in the registry');
    await userEvent.clear(idInput());
    await userEvent.type(idInput(), 'orders-api');
    expect(idInput()).toBeValid();
    expect(
      await screen.findByText(
        'Neither the registry nor the catalog has "orders-api" yet.',
      ),
    ).toBeInTheDocument();
  });
});

describe('validateNewServiceField', () => {
  it('adds the reason an id cannot be a new service’s as the field’s error', async () => {
    expect(await fieldErrors(validateNewServiceField, 'shared-auth')).toEqual([
      'The registry already declares "shared-auth" (services/catalog.toml:2): choose another id, or change that service with the update-service template.',
    ]);
  });

  it('adds nothing for a new id, nor for an empty field (required says so)', async () => {
    expect(await fieldErrors(validateNewServiceField, 'orders-api')).toEqual(
      [],
    );
    expect(
      await fieldErrors(validateNewServiceField, undefined as any),
    ).toEqual([]);
  });

  it('asks the registry that ui:options.registry names', async () => {
    const getServiceSummary = jest.fn(async (id: string) =>
      serviceSummaryResponse(id),
    );
    await fieldErrors(
      validateNewServiceField,
      'orders-api',
      fieldValidationContext(
        { 'ui:options': { registry: 'platform' } },
        mockServiceRegistryApi({ getServiceSummary }),
      ),
    );
    expect(getServiceSummary).toHaveBeenCalledWith('orders-api', {
      registry: 'platform',
    });
  });
});
