import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { formDataField } from '../../lib/formDataField';
import { useAbortableAsync } from '../useAbortableAsync';
import { useLastSettled } from '../useLastSettled';
import { deprecatedDependencies } from './deprecatedDependencies';

/**
 * The `ui:options` of the `ServiceRegistryDependencyWarnings` field.
 *
 * @public
 */
export type DependencyWarningsFieldOptions = {
  /**
   * The form fields (of any page) that hold the picked dependencies, as entity refs (an entity
   * picker's values). Default `dependencies` and `optionalDependencies`, the new-service
   * template's.
   */
  dependencyFields?: string[];
};

const DEFAULT_FIELDS = ['dependencies', 'optionalDependencies'];

/** The entity refs the form holds in the given fields, in order, each once. */
function pickedRefs(formData: unknown, fields: readonly string[]): string[] {
  const refs = new Set<string>();
  for (const field of fields) {
    const value = formDataField(formData, field);
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'string' && item.includes(':')) refs.add(item);
    }
  }
  return [...refs];
}

/**
 * A read-only form field (`type: 'null'`) that warns, while the dependencies are picked, about
 * those the registry has deprecated: until when each is served and what to depend on instead,
 * read through the annotations of their Components. Renders nothing when none is deprecated, and
 * when the catalog cannot be asked (the task's validation report names them too).
 */
export function DependencyWarningsField(
  props: FieldExtensionComponentProps<null, DependencyWarningsFieldOptions>,
) {
  const { uiSchema, formContext } = props;
  const fields = uiSchema?.['ui:options']?.dependencyFields ?? DEFAULT_FIELDS;
  const refs = pickedRefs(formContext?.formData, fields);
  const key = refs.join('\n');
  const catalogApi = useApi(catalogApiRef);
  const state = useAbortableAsync(async () => {
    if (refs.length === 0) return [];
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: refs,
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        'metadata.annotations',
      ],
    });
    // the catalog answers in the order asked, with undefined for a ref it does not have
    return deprecatedDependencies(
      refs.map((ref, k) => ({ ref, entity: items[k] })),
      new Date().toISOString().slice(0, 10),
    );
    // the refs, by their joined key: a new array of the same refs asks nothing again
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, catalogApi]);

  // while a new pick is looked up, the warnings of the services still picked stay
  const settled = useLastSettled(state.value, state.loading) ?? [];
  const warnings = settled.filter(w => refs.includes(w.ref));
  if (warnings.length === 0) return null;
  return (
    <Box marginTop={2} marginBottom={1}>
      <Alert severity="warning" role="status">
        <AlertTitle>
          {warnings.length === 1
            ? 'A picked service is deprecated'
            : `${warnings.length} picked services are deprecated`}
        </AlertTitle>
        <Box component="ul" margin={0} paddingLeft={2}>
          {warnings.map(w => (
            <li key={w.ref}>{w.message}</li>
          ))}
        </Box>
      </Alert>
    </Box>
  );
}
