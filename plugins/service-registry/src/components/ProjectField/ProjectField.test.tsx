import { useState } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  fieldErrors,
  fieldValidationContext,
} from '../../__testUtils__/fieldValidation';
import { mockServiceRegistryApi } from '../../testUtils/mockServiceRegistryApi';
import { projectSummaryResponse } from '../../testUtils/projectSummaryFixture';
import { registrySystem } from '../../testUtils/registryEntity';
import { ProjectField, validateProjectField } from './ProjectField';

type FieldProps = Parameters<typeof ProjectField>[0];

/** The catalog of the demo: two projects of registry default, one of platform, one other System. */
const SYSTEMS = [
  registrySystem('web-shop', { project: 'shop', title: 'Web Shop' }),
  registrySystem('crm', { project: 'crm' }),
  registrySystem('ops', { project: 'ops', registry: 'platform' }),
  registrySystem('billing-suite'),
];

/**
 * The field as the scaffolder's form renders it on the page that also asks to create a project,
 * keeping the value it is given.
 */
function Form(props: {
  initial?: string;
  createProject?: boolean;
  uiOptions?: Record<string, unknown>;
  onValue?: (value: string | undefined) => void;
  /** The errors the form reports once "Next" is pressed. */
  errors?: string[];
}) {
  const [value, setValue] = useState<string | undefined>(props.initial);
  const [rawErrors, setRawErrors] = useState<string[]>([]);
  const fieldProps = {
    formData: value,
    formContext: {
      formData: {
        scope: 'project',
        project: value,
        createProject: props.createProject,
      },
    },
    onChange: (next: string | undefined) => {
      setValue(next);
      props.onValue?.(next);
    },
    required: true,
    schema: {
      title: 'Project',
      description: 'A project of the registry, or the id of a new one',
    },
    uiSchema: { 'ui:options': props.uiOptions ?? {} },
    idSchema: { $id: 'root_project' },
    rawErrors,
  } as unknown as FieldProps;
  return (
    <>
      <ProjectField {...fieldProps} />
      <button type="button" onClick={() => setRawErrors(props.errors ?? [])}>
        Next
      </button>
    </>
  );
}

async function renderForm(props: Parameters<typeof Form>[0] = {}) {
  const values: Array<string | undefined> = [];
  await renderInTestApp(
    <TestApiProvider
      apis={[[catalogApiRef, catalogApiMock({ entities: SYSTEMS })]]}
    >
      <Form {...props} onValue={v => values.push(v)} />
    </TestApiProvider>,
  );
  return { values, input: screen.getByRole('textbox', { name: /^Project/ }) };
}

async function openList(input: HTMLElement) {
  await userEvent.click(input);
  return within(await screen.findByRole('listbox'));
}

describe('ProjectField', () => {
  it('lists the registry’s projects with their files; picking one gives its System’s ref', async () => {
    const { values, input } = await renderForm();
    expect(input).toBeRequired();
    expect(input).toHaveAccessibleDescription(
      'A project of the registry, or the id of a new one',
    );
    const list = await openList(input);
    // the open list is named as ARIA 1.2 asks (Material UI v4 gives aria-owns only)
    expect(screen.getByRole('combobox')).toHaveAttribute(
      'aria-controls',
      screen.getByRole('listbox').id,
    );
    const options = list.getAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      'crmprojects/crm/services.toml',
      'opsprojects/ops/services.toml',
      'Web Shopprojects/shop/services.toml',
    ]);
    await userEvent.click(list.getByRole('option', { name: /Web Shop/ }));
    expect(values).toEqual(['system:default/web-shop']);
    expect(input).toHaveValue('Web Shop');
  });

  it('offers only the projects of the registry that ui:options.registry names', async () => {
    const { input } = await renderForm({ uiOptions: { registry: 'platform' } });
    const list = await openList(input);
    expect(list.getAllByRole('option').map(o => o.textContent)).toEqual([
      'opsprojects/ops/services.toml',
    ]);
  });

  it('gives a typed new id as it is, and says that the box creates it', async () => {
    const { values, input } = await renderForm({ createProject: false });
    await userEvent.type(input, 'billing');
    expect(values.at(-1)).toBe('billing');
    // the note comes once the list of projects has arrived
    await waitFor(() =>
      expect(input).toHaveAccessibleDescription(
        'Not a project of the registry: tick the box to create projects/billing/services.toml',
      ),
    );
  });

  it('says where a new project goes once the box is ticked', async () => {
    const { input } = await renderForm({ createProject: true });
    await userEvent.type(input, 'billing');
    await waitFor(() =>
      expect(input).toHaveAccessibleDescription(
        'A new project: projects/billing/services.toml',
      ),
    );
  });

  it('says a typed id is not a project in a form that cannot create one', async () => {
    const { input } = await renderForm();
    await userEvent.type(input, 'billing');
    // the note comes once the list of projects has arrived
    await waitFor(() =>
      expect(input).toHaveAccessibleDescription(
        'Not a project of the registry',
      ),
    );
  });

  it('gives the System’s ref for a project typed by its id or its title, without picking it', async () => {
    const { values, input } = await renderForm({ createProject: false });
    // once the list has the projects, typed text is matched against them
    await (await openList(input)).findByRole('option', { name: /Web Shop/ });
    await userEvent.type(input, 'shop');
    expect(values.at(-1)).toBe('system:default/web-shop');
    await userEvent.clear(input);
    expect(values.at(-1)).toBeUndefined();
    await userEvent.type(input, 'CRM');
    expect(values.at(-1)).toBe('CRM');
    await userEvent.clear(input);
    await userEvent.type(input, 'crm');
    expect(values.at(-1)).toBe('system:default/crm');
    expect(input).toHaveAccessibleDescription(
      'A project of the registry, or the id of a new one',
    );
  });

  it('shows a project given before (an earlier visit of the page) by its title', async () => {
    const { input } = await renderForm({ initial: 'system:default/web-shop' });
    await waitFor(() => expect(input).toHaveValue('Web Shop'));
  });

  it('shows a new project typed before as it was typed, once the list has arrived', async () => {
    const { input, values } = await renderForm({
      initial: 'billing',
      createProject: true,
    });
    await waitFor(() =>
      expect(input).toHaveAccessibleDescription(
        'A new project: projects/billing/services.toml',
      ),
    );
    expect(input).toHaveValue('billing');
    expect(values).toEqual([]);
  });

  it('shows the form’s errors instead of its own note once the form has checked', async () => {
    const { input } = await renderForm({
      createProject: false,
      errors: ['The registry has no project "billing" yet'],
    });
    await userEvent.type(input, 'billing');
    await waitFor(() =>
      expect(input).toHaveAccessibleDescription(
        'Not a project of the registry: tick the box to create projects/billing/services.toml',
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(input).toBeInvalid();
    // the errors say what is wrong: the helper does not say it again
    expect(input).toHaveAccessibleDescription(
      'A project of the registry, or the id of a new one',
    );
  });
});

describe('validateProjectField', () => {
  const api = () =>
    mockServiceRegistryApi({
      getProjectSummary: jest.fn(async (id: string) =>
        projectSummaryResponse(id),
      ),
    });

  function context(
    formData: Record<string, unknown>,
    uiOptions: Record<string, unknown> = {},
    registryApi = api(),
  ) {
    return {
      ...fieldValidationContext({ 'ui:options': uiOptions }, registryApi),
      formData,
    };
  }

  it('reads the create box of the same page', async () => {
    expect(
      await fieldErrors(
        validateProjectField,
        'billing',
        context({ scope: 'project', createProject: false }),
      ),
    ).toEqual([
      'The registry has no project "billing" yet: pick one of its projects, or tick the box to create the project (projects/billing/services.toml).',
    ]);
    expect(
      await fieldErrors(
        validateProjectField,
        'billing',
        context({ scope: 'project', createProject: true }),
      ),
    ).toEqual([]);
  });

  it('reads the box that ui:options.createProjectField names, and asks the registry ui:options.registry names', async () => {
    const registryApi = api();
    expect(
      await fieldErrors(
        validateProjectField,
        'billing',
        context(
          { createProject: false, newProject: true },
          { createProjectField: 'newProject', registry: 'platform' },
          registryApi,
        ),
      ),
    ).toEqual([]);
    expect(registryApi.getProjectSummary).toHaveBeenCalledWith('billing', {
      registry: 'platform',
    });
    expect(
      await fieldErrors(
        validateProjectField,
        'billing',
        context({ createProject: true }, { createProjectField: 'newProject' }),
      ),
    ).toEqual([
      'The registry has no project "billing": pick one of its projects.',
    ]);
  });

  it('adds nothing for a project the registry has, nor for an empty field (required says so)', async () => {
    expect(
      await fieldErrors(validateProjectField, 'shop', context({})),
    ).toEqual([]);
    expect(await fieldErrors(validateProjectField, '', context({}))).toEqual(
      [],
    );
  });
});
