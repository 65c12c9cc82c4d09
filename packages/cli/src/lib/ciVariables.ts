import { UsageError } from './errors';

/**
 * A variable the CI sets (or the job's configuration must set), or a {@link UsageError} that
 * names it and says `why` it is needed; `fallback` is another variable read when it is not set.
 */
export function requiredVariable(
  env: NodeJS.ProcessEnv,
  name: string,
  why: string,
  fallback?: string,
): string {
  const value = env[name] || (fallback ? env[fallback] : undefined);
  if (!value) throw new UsageError(`${name} is not set: ${why}`);
  return value;
}

/** A variable's value checked to be an http or https URL (an API's address). */
export function apiUrlVariable(
  name: string,
  value: string,
  example: string,
): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(
      `${name} must be an API's URL (${example}), got ${value}`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(
      `${name} must be an http or https URL, got ${url.protocol}`,
    );
  }
  return value;
}
