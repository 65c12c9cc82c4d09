import { InputError } from '@backstage/errors';
import { SERVICE_ID_PATTERN } from '@service-registry/plugin-service-registry-common';
import { z } from 'zod';

/**
 * The `registry` query parameter of the service-registry endpoints: a catalog provider id,
 * `default` when absent.
 *
 * @public
 */
export const registryIdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9_-]{1,63}$/,
    'registry must be a provider id (letters, digits, - and _)',
  )
  .default('default');

/**
 * A registry service id in a path or query parameter.
 *
 * @public
 */
export const serviceIdSchema = z
  .string()
  .regex(SERVICE_ID_PATTERN, 'not a registry service id');

/**
 * Validates request parameters at the boundary: the parsed value, or an `InputError` (400) that
 * names every bad parameter and why.
 *
 * @param schema - what the parameters must be
 * @param value - `req.query`, `req.params` or a body
 * @public
 */
export function parseRequest<T extends z.ZodTypeAny>(
  schema: T,
  value: unknown,
): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InputError(
      result.error.issues
        .map(i => `${i.path.join('.') || 'query'}: ${i.message}`)
        .join('; '),
    );
  }
  return result.data;
}
