import { useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
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
function Form(props: { onValue: (value: string | undefined) => void }) {
  const [value, setValue] = useState<string | undefined>();
  const fieldProps = {
    formData: value,
    onChange: (next: string | undefined) => {
      setValue(next);
      props.onValue(next);
    },
    required: true,
    schema: { title: 'Id', description: 'Unique id in the registry' },
    uiSchema: { 'ui:autofocus': true },
    idSchema: { $id: 'root_id' },
    rawErrors: [],
  } as unknown as FieldProps;
  return <NewServiceIdField {...fieldProps} />;
}

describe('NewServiceIdField', () => {
  it('is a required text field with its title and description, focused first, that gives what is typed', async () => {
    const values: Array<string | undefined> = [];
    render(<Form onValue={v => values.push(v)} />);
    const input = screen.getByRole('textbox', { name: /^Id/ });
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
    const props = {
      formData: 'shared-auth',
      onChange: jest.fn(),
      schema: {},
      uiSchema: {},
      rawErrors: ['The registry already declares "shared-auth"'],
    } as unknown as FieldProps;
    render(<NewServiceIdField {...props} />);
    expect(screen.getByRole('textbox', { name: 'Id' })).toBeInvalid();
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
