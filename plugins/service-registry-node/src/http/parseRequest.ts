import { InputError, NotFoundError } from '@backstage/errors';
import { registryNotFoundMessages } from '@service-registry/plugin-service-registry-common';
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
 * The longest service id the endpoints take. The registry's rule allows 63 characters, but the
 * loader keeps a service whose id breaks it, whatever its length, and its findings must stay
 * reachable by id: the bound is generous, only against ids no registry holds (an id is compared
 * with the snapshot's, and echoed in a `404`).
 */
const MAX_SERVICE_ID_LENGTH = 1000;

/**
 * A service in a path parameter (`:service`) or a `service` filter: any id a registry may hold, as
 * written. The loader keeps a service whose id breaks the registry's id rule (`orders_api`,
 * `"Upper.Dot"`, any quoted TOML key) with a `schema/invalid-id` error, and the catalog emits it
 * when it accepts the name, so refusing such an id would break its entity page and hide the very
 * finding that says how to fix it, whatever its length. An id is only ever looked up in a
 * snapshot (never used as a path), so no character is refused; its length is bounded by 1000
 * characters, far above the rule's 63. An id the snapshot does not hold is `404`
 * ({@link noSuchService}); an empty one or a longer one is `400`.
 *
 * @public
 */
export const serviceIdSchema = z
  .string()
  .min(
    1,
    'give the id of a [service.<id>] table of the registry, or leave the parameter out',
  )
  .max(
    MAX_SERVICE_ID_LENGTH,
    `an id is at most ${MAX_SERVICE_ID_LENGTH} characters (the registry writes 1 to 63 lowercase letters, digits and -): give the id of a [service.<id>] table of the registry`,
  );

/**
 * The `404` of a service id the registry does not hold: names the id (as JSON, so that an odd one
 * reads unambiguously) and the registry, and says what an id is.
 *
 * @param id - the id asked for
 * @param registry - the provider id of the registry that answered
 * @public
 */
export function noSuchService(id: string, registry: string): NotFoundError {
  return new NotFoundError(registryNotFoundMessages.service(id, registry));
}

/** The value at an issue's path, in the value parsed. */
function valueAt(
  value: unknown,
  path: ReadonlyArray<string | number>,
): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/**
 * One issue as a person reads it: the parameter it concerns, then what is wrong and what to give.
 */
function describeIssue(
  issue: z.ZodIssue,
  name: string | undefined,
  value: unknown,
): string {
  const label = [name, ...issue.path].filter(p => p !== undefined).join('.');
  let message = issue.message;
  if (
    issue.code === z.ZodIssueCode.invalid_type &&
    issue.received === z.ZodParsedType.array &&
    issue.expected !== z.ZodParsedType.array
  ) {
    // a repeated query parameter (`?service=a&service=b`) arrives as an array
    const given = valueAt(value, issue.path);
    message = `give one value, not ${
      Array.isArray(given) ? given.length : 'several'
    }`;
  }
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
 * (`service: give the id of a [service.<id>] table ...`); a bare value by `name` when it is given.
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
      result.error.issues
        .map(issue => describeIssue(issue, name, value))
        .join('; '),
    );
  }
  return result.data;
}
