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
 * A registry service id in a path or query parameter: 1 to 63 lowercase letters, digits or `-`.
 *
 * @public
 */
export const serviceIdSchema = z
  .string()
  .regex(
    SERVICE_ID_PATTERN,
    'not a registry service id: use 1 to 63 lowercase letters, digits or "-" (e.g. "orders-api")',
  );

/** One issue as a person reads it: the parameter it concerns, then what is wrong. */
function describeIssue(issue: z.ZodIssue, name: string | undefined): string {
  const label = [name, ...issue.path].filter(p => p !== undefined).join('.');
  let message = issue.message;
  if (issue.code === z.ZodIssueCode.unrecognized_keys) {
    const one = issue.keys.length === 1;
    message = `unknown ${one ? 'parameter' : 'parameters'} ${issue.keys
      .map(key => JSON.stringify(key))
      .join(', ')}: check ${one ? 'its' : 'their'} spelling, or leave ${
      one ? 'it' : 'them'
    } out`;
  }
  return label ? `${label}: ${message}` : message;
}

/**
 * Validates request parameters at the boundary: the parsed value, or an `InputError` (400) that
 * names every bad parameter and why. Parameters of an object schema are named by their key
 * (`service: not a registry service id: ...`); a bare value by `name` when it is given.
 *
 * @param schema - what the parameters must be
 * @param value - `req.query`, `req.params`, a body, or a single parameter's value
 * @param name - the parameter's name, for a bare value (`service`)
 * @public
 */
export function parseRequest<T extends z.ZodTypeAny>(
  schema: T,
  value: unknown,
  name?: string,
): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InputError(
      result.error.issues.map(issue => describeIssue(issue, name)).join('; '),
    );
  }
  return result.data;
}
