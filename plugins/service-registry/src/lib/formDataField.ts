/**
 * The value of another field of a scaffolder form (of any page), as the form holds it in the
 * `formData` of the `formContext` (or of a validator's context) it hands each field.
 *
 * @param formData - the form's data, as the scaffolder gives it
 * @param field - the field's name
 */
export function formDataField(formData: unknown, field: string): unknown {
  return formData && typeof formData === 'object'
    ? (formData as Record<string, unknown>)[field]
    : undefined;
}
