import TextField from '@material-ui/core/TextField';
import {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import { validateNewServiceId } from './validateNewServiceId';
import { useUniqueId } from '../useUniqueId';

/**
 * The `ui:options` of the `ServiceRegistryNewServiceId` field.
 *
 * @public
 */
export type NewServiceIdFieldOptions = {
  /**
   * The registry (catalog provider id) the id must be new in; absent, the backend's default
   * registry (its only one, or `default`).
   */
  registry?: string;
};

/**
 * The id of a new service in a scaffolder form: a text field whose value is checked when the
 * form moves on (see {@link validateNewServiceField}).
 */
export function NewServiceIdField(
  props: FieldExtensionComponentProps<string, NewServiceIdFieldOptions>,
) {
  const {
    onChange,
    required,
    disabled,
    schema: { title = 'Id', description },
    rawErrors,
    formData,
    uiSchema,
    idSchema,
  } = props;
  const autoFocus = Boolean(uiSchema?.['ui:autofocus']);
  // the label and the description need the input's id (the form gives one)
  const fallbackId = useUniqueId('service-registry-id');
  return (
    <TextField
      id={idSchema?.$id ?? fallbackId}
      label={title}
      helperText={description}
      required={required}
      disabled={disabled}
      value={formData ?? ''}
      onChange={({ target: { value } }) =>
        // an emptied field is no value, so that `required` says so
        onChange(value === '' ? undefined : value)
      }
      margin="normal"
      fullWidth
      error={(rawErrors?.length ?? 0) > 0}
      inputProps={{
        autoFocus,
        autoComplete: 'off',
        autoCapitalize: 'none',
        spellCheck: false,
      }}
    />
  );
}

/**
 * Checks the id when the form moves on: a registry id, that neither the registry nor the catalog
 * has (see `validateNewServiceId`).
 */
export const validateNewServiceField: CustomFieldValidator<
  string,
  NewServiceIdFieldOptions
> = async (value, validation, context) => {
  if (typeof value !== 'string' || value === '') return;
  const problem = await validateNewServiceId(value, {
    apiHolder: context.apiHolder,
    registry: context.uiSchema?.['ui:options']?.registry,
  });
  if (problem) validation.addError(problem);
};
