import { useMemo, useState } from 'react';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import { SERVICE_ID_PATTERN } from '@service-registry/plugin-service-registry-common';
import { formDataField } from '../../lib/formDataField';
import { useAbortableAsync } from '../useAbortableAsync';
import { useListboxControls } from '../useListboxControls';
import { loadProjectOptions, ProjectOption } from './loadProjectOptions';
import { validateRegistryProject } from './validateRegistryProject';
import { useUniqueId } from '../useUniqueId';

/**
 * The `ui:options` of the `ServiceRegistryProject` field.
 *
 * @public
 */
export type ProjectFieldOptions = {
  /**
   * The registry (catalog provider id) the service goes into: the list offers its projects only,
   * and the check asks it. Absent, every registry's projects are offered and the backend's default
   * registry is asked.
   */
  registry?: string;
  /**
   * The boolean field of the same form page that asks to create a project the registry does not
   * have yet. Default `createProject`. A form without it accepts existing projects only.
   */
  createProjectField?: string;
};

const DEFAULT_CREATE_FIELD = 'createProject';

/** The option a value stands for: a picked System's ref, or what was typed (a label or an id). */
function optionOf(
  options: ProjectOption[],
  value: string | undefined,
): ProjectOption | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  return (
    options.find(o => o.ref === text) ??
    options.find(o => o.id === text) ??
    options.find(o => o.label === text)
  );
}

/**
 * The project of a new service in a scaffolder form: a list of the registry's projects (the
 * catalog's Systems that stand for them) in which a new project id can be typed. A picked project
 * gives its System's ref (`system:default/shop`), a typed one its id; the add-service action
 * reads both. When the form moves on, {@link validateProjectField} checks the value with the
 * registry.
 */
export function ProjectField(
  props: FieldExtensionComponentProps<string, ProjectFieldOptions>,
) {
  const {
    onChange,
    required,
    disabled,
    schema: { title = 'Project', description },
    rawErrors,
    formData,
    formContext,
    uiSchema,
    idSchema,
  } = props;
  const uiOptions = uiSchema?.['ui:options'];
  const createField = uiOptions?.createProjectField ?? DEFAULT_CREATE_FIELD;
  const createProject = formDataField(formContext?.formData, createField);
  const catalogApi = useApi(catalogApiRef);
  const loaded = useAbortableAsync(
    () => loadProjectOptions(catalogApi, uiOptions?.registry),
    [catalogApi, uiOptions?.registry],
  );
  const options = useMemo(() => loaded.value ?? [], [loaded.value]);
  const picked = optionOf(options, formData);
  // a value given before (a default, an earlier visit of the page) shows by its label once the
  // list arrives: the list then resets the input to it
  const [inputText, setInputText] = useState(picked?.label ?? formData ?? '');
  const fallbackId = useUniqueId('service-registry-project');
  const inputId = idSchema?.$id ?? fallbackId;
  const listboxControls = useListboxControls(inputId);

  const hasErrors = (rawErrors?.length ?? 0) > 0;
  // a typed id that the list does not have: say what will happen (the form's errors say it
  // otherwise once it has checked)
  const typed = picked || hasErrors ? undefined : formData?.trim();
  let helperText = description;
  if (
    typed &&
    !loaded.loading &&
    !/^system:/i.test(typed) &&
    SERVICE_ID_PATTERN.test(typed)
  ) {
    const file = `projects/${typed}/services.toml`;
    if (createProject === true) helperText = `A new project: ${file}`;
    else if (typeof createProject === 'boolean') {
      helperText = `Not a project of the registry: tick the box to create ${file}`;
    } else helperText = 'Not a project of the registry';
  }

  const give = (next: string | undefined) => {
    const text = next?.trim();
    onChange(text ? optionOf(options, text)?.ref ?? text : undefined);
  };

  return (
    <Autocomplete<ProjectOption, false, false, true>
      id={inputId}
      freeSolo
      {...listboxControls}
      disabled={disabled}
      options={options}
      loading={loaded.loading}
      // a typed project is the value as it is, so that the list's resets keep it in the input
      value={picked ?? formData ?? null}
      inputValue={inputText}
      getOptionLabel={option =>
        typeof option === 'string' ? option : option.label
      }
      getOptionSelected={(option, value) =>
        option.ref === (typeof value === 'string' ? value : value.ref)
      }
      onChange={(_, value) => {
        if (value === null) give(undefined);
        else if (typeof value === 'string') give(value);
        else onChange(value.ref);
      }}
      onInputChange={(_, text, reason) => {
        setInputText(text);
        // 'reset' is the list writing a picked option's label into the input
        if (reason !== 'reset') give(text);
      }}
      renderOption={option => (
        <div>
          <Typography variant="body1">{option.label}</Typography>
          <Typography variant="body2" color="textSecondary">
            projects/{option.id}/services.toml
          </Typography>
        </div>
      )}
      renderInput={params => (
        <TextField
          {...params}
          label={title}
          helperText={helperText}
          required={required}
          margin="normal"
          error={hasErrors}
          inputProps={{
            ...params.inputProps,
            autoComplete: 'off',
            autoCapitalize: 'none',
            spellCheck: false,
          }}
        />
      )}
    />
  );
}

/**
 * Checks the project when the form moves on (see `validateRegistryProject`): a project id, not
 * the word `global`, and a project the registry has, unless the form's create box is ticked.
 */
export const validateProjectField: CustomFieldValidator<
  string,
  ProjectFieldOptions
> = async (value, validation, context) => {
  if (typeof value !== 'string' || value.trim() === '') return;
  const uiOptions = context.uiSchema?.['ui:options'];
  const createProject = formDataField(
    context.formData,
    uiOptions?.createProjectField ?? DEFAULT_CREATE_FIELD,
  );
  const problem = await validateRegistryProject(value, {
    apiHolder: context.apiHolder,
    registry: uiOptions?.registry,
    createProject:
      typeof createProject === 'boolean' ? createProject : undefined,
  });
  if (problem) validation.addError(problem);
};
