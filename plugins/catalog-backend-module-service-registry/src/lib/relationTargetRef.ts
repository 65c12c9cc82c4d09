import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * The entity a relation field's ref names, as the catalog's own processor reads it: a ref without
 * a kind is of the field's kind (`group` for `spec.owner`, `system` for `spec.system`), one without
 * a namespace is in the namespace of the entity that holds it. In lower case, as the catalog
 * compares refs.
 *
 * @param value - the field's value (a ref, full or short)
 * @param defaultKind - the kind of a ref without one; undefined when the ref must name its kind
 * @param defaultNamespace - the namespace the ref is read in
 * @returns the full ref in lower case, or undefined for a value that is no ref
 */
export function relationTargetRef(
  value: unknown,
  defaultKind: string | undefined,
  defaultNamespace: string,
): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}
