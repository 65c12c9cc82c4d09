import { ReactNode, useRef } from 'react';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core';
import {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import { validateNewServiceId } from './validateNewServiceId';
import { useUniqueId } from '../useUniqueId';
import { useNewServiceIdCheck } from './useNewServiceIdCheck';
import { readableText } from '../contrast';

const useStyles = makeStyles(theme => ({
  // the success colour, as dark (light) as the words need to read on the page
  free: { color: readableText(theme, theme.palette.success.main) },
}));

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
 * The id of a new service in a scaffolder form: a text field whose value is checked as it is
 * typed (once typing pauses) and again when the form moves on (see
 * {@link validateNewServiceField}). Under the field it says why the id typed cannot be a new
 * service's, or that neither the registry nor the catalog has it; the form's errors of an id
 * since changed (which the scaffolder keeps until Next) no longer mark the field.
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
  const classes = useStyles();
  const autoFocus = Boolean(uiSchema?.['ui:autofocus']);
  const registry = uiSchema?.['ui:options']?.registry;
  const check = useNewServiceIdCheck(formData, registry);
  // the value the form's errors were found for: they stop marking the field once it changes
  const errorsKey = JSON.stringify(rawErrors ?? []);
  const errored = useRef({ key: '[]', value: formData });
  if (errored.current.key !== errorsKey) {
    errored.current = { key: errorsKey, value: formData };
  }
  const formErrors =
    (rawErrors?.length ?? 0) > 0 && errored.current.value === formData;
  // (a problem the form already lists under the field is not said twice)
  const problem =
    check?.problem && !(formErrors && rawErrors?.includes(check.problem))
      ? check.problem
      : undefined;
  let helperText: ReactNode = description;
  if (problem) {
    helperText = problem;
  } else if (check?.free && !formErrors) {
    helperText = (
      <>
        {description && (
          <>
            {description}
            <br />
          </>
        )}
        <span className={classes.free}>
          {`Neither the registry nor the catalog has "${check.id}" yet.`}
        </span>
      </>
    );
  }
  // the label and the description need the input's id (the form gives one)
  const fallbackId = useUniqueId('service-registry-id');
  return (
    <TextField
      id={idSchema?.$id ?? fallbackId}
      label={title}
      helperText={helperText}
      FormHelperTextProps={{ role: 'status' }}
      required={required}
      disabled={disabled}
      value={formData ?? ''}
      onChange={({ target: { value } }) =>
        // an emptied field is no value, so that `required` says so
        onChange(value === '' ? undefined : value)
      }
      margin="normal"
      fullWidth
      error={formErrors || problem !== undefined}
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
